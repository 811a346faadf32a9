package io.matrixone.async.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Rewrites the column types MatrixOne announces outside MySQL's set into the MySQL types Vert.x decodes, so that
 * both clients return the same Java values. MatrixOne describes DECIMAL columns with the legacy type id 0
 * ({@code MYSQL_TYPE_DECIMAL}), VARCHAR, VARBINARY, BINARY and vector columns with id 15 ({@code MYSQL_TYPE_VARCHAR},
 * which MySQL never sends) and some SHOW columns with id 241 (no MySQL type). Vert.x knows none of them: it logs a
 * warning for every such column of every result and hands back a {@code String}, so a DECIMAL arrived as text and
 * a VARBINARY as the bytes read as ISO-8859-1 text. Connector/J maps them by itself.
 *
 * <p>The handler sits between Vert.x's packet framer and its codec and sees whole packets. It follows the
 * conversation from the commands going out (the SDK never pipelines, so one command is answered at a time): after a
 * text query or a statement execution the column-count packet announces how many column definitions follow; a
 * prepare's answer announces its parameter and column definitions. In those definitions, and only there, the type
 * byte is changed in place: 0 becomes NEWDECIMAL, 15 and 241 become VAR_STRING (the character set, binary or not,
 * still decides between bytes and text). Every other packet passes untouched; a packet it cannot read ends the
 * tracking until the next command rather than guessing.
 */
final class ColumnTypeNormalizer extends ChannelDuplexHandler {
    static final String NAME = "matrixone-column-types";

    private static final int MAX_PAYLOAD = 0xFFFFFF;
    private static final int COM_QUERY = 0x03;
    private static final int COM_STMT_PREPARE = 0x16;
    private static final int COM_STMT_EXECUTE = 0x17;
    private static final int SERVER_MORE_RESULTS_EXISTS = 0x0008;

    static final int TYPE_DECIMAL = 0x00;
    static final int TYPE_VARCHAR = 0x0F;
    static final int TYPE_MATRIXONE_TEXT = 0xF1;
    static final int TYPE_NEWDECIMAL = 0xF6;
    static final int TYPE_VAR_STRING = 0xFD;

    private enum State { IDLE, RESULT_HEAD, COLUMNS, AFTER_COLUMNS, ROWS, PREPARE_HEAD, PREPARE_DEFS }

    private State state = State.IDLE;
    /** Column (or parameter plus column) definitions still to come. */
    private long definitions;
    /** Of a prepare's definitions, how many are parameters still to come (an EOF may follow them). */
    private long parameters;
    /** The previous inbound packet had the maximum length: this one continues it. */
    private boolean continuation;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf out && out.readableBytes() >= 5) {
            int at = out.readerIndex();
            if (out.getUnsignedByte(at + 3) == 0) { // sequence id 0: a new command
                int command = out.getUnsignedByte(at + 4);
                state = switch (command) {
                    case COM_QUERY, COM_STMT_EXECUTE -> State.RESULT_HEAD;
                    case COM_STMT_PREPARE -> State.PREPARE_HEAD;
                    default -> State.IDLE;
                };
                continuation = false;
            }
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf in && state != State.IDLE) {
            try {
                inspect(in);
            } catch (IndexOutOfBoundsException unreadable) {
                state = State.IDLE; // not what this state expects: leave the rest of the answer alone
            }
        }
        super.channelRead(ctx, msg);
    }

    /** One framed packet: 3-byte length, sequence id, payload. */
    void inspect(ByteBuf packet) {
        int at = packet.readerIndex();
        int length = packet.getUnsignedMediumLE(at);
        boolean continues = continuation;
        continuation = length == MAX_PAYLOAD;
        if (continues) {
            return; // the tail of a long row
        }
        int p = at + 4;
        int first = length == 0 ? -1 : packet.getUnsignedByte(p);
        switch (state) {
            case RESULT_HEAD -> {
                if (first == 0x00) {
                    state = moreResults(packet, p, false) ? State.RESULT_HEAD : State.IDLE;
                } else if (first == 0xFF) {
                    state = State.IDLE;
                } else if (first != 0xFB) { // 0xFB: a local-file request, answered by OK or ERR
                    definitions = lenencInt(packet, p);
                    state = definitions > 0 ? State.COLUMNS : State.IDLE;
                }
            }
            case COLUMNS -> {
                rewrite(packet, p);
                if (--definitions == 0) {
                    state = State.AFTER_COLUMNS;
                }
            }
            case AFTER_COLUMNS, ROWS -> {
                if (state == State.AFTER_COLUMNS && first == 0xFE && length == 5) {
                    state = State.ROWS; // the EOF after the definitions (clients without CLIENT_DEPRECATE_EOF)
                } else if (first == 0xFF) {
                    state = State.IDLE;
                } else if (first == 0xFE && length < MAX_PAYLOAD) { // EOF or OK: the end of this result
                    state = moreResults(packet, p, length == 5) ? State.RESULT_HEAD : State.IDLE;
                } else {
                    state = State.ROWS;
                }
            }
            case PREPARE_HEAD -> {
                if (first == 0x00 && length >= 9) {
                    long columns = packet.getUnsignedShortLE(p + 5);
                    parameters = packet.getUnsignedShortLE(p + 7);
                    definitions = columns + parameters;
                    state = definitions > 0 ? State.PREPARE_DEFS : State.IDLE;
                } else {
                    state = State.IDLE;
                }
            }
            case PREPARE_DEFS -> {
                if (first == 0xFE && length < 9) {
                    return; // the EOF after the parameters
                }
                rewrite(packet, p);
                if (parameters > 0) {
                    parameters--;
                }
                if (--definitions == 0) {
                    state = State.IDLE; // a final EOF, if any, needs nothing
                }
            }
            default -> {
            }
        }
    }

    /** Protocol::ColumnDefinition41: six length-encoded strings, the fixed-length block, then type at offset 6. */
    static void rewrite(ByteBuf packet, int payload) {
        int p = payload;
        for (int i = 0; i < 6; i++) {
            long n = lenencInt(packet, p);
            p += lenencSize(packet.getUnsignedByte(p)) + (int) n;
        }
        p += lenencSize(packet.getUnsignedByte(p)); // length of the fixed fields, 0x0c
        int typeAt = p + 6; // character set (2), column length (4)
        int type = packet.getUnsignedByte(typeAt);
        int normal = switch (type) {
            case TYPE_DECIMAL -> TYPE_NEWDECIMAL;
            case TYPE_VARCHAR, TYPE_MATRIXONE_TEXT -> TYPE_VAR_STRING;
            default -> type;
        };
        if (normal != type) {
            packet.setByte(typeAt, normal);
        }
    }

    /** The status flags of an OK ({@code eof == false}) or EOF packet ask for another result set. */
    private static boolean moreResults(ByteBuf packet, int payload, boolean eof) {
        int p = payload + 1;
        int status;
        if (eof) {
            status = packet.getUnsignedShortLE(p + 2); // warnings, then status
        } else {
            p += lenencSize(packet.getUnsignedByte(p)); // affected rows
            p += lenencSize(packet.getUnsignedByte(p)); // last insert id
            status = packet.getUnsignedShortLE(p);
        }
        return (status & SERVER_MORE_RESULTS_EXISTS) != 0;
    }

    private static long lenencInt(ByteBuf b, int p) {
        int first = b.getUnsignedByte(p);
        return switch (first) {
            case 0xFC -> b.getUnsignedShortLE(p + 1);
            case 0xFD -> b.getUnsignedMediumLE(p + 1);
            case 0xFE -> b.getLongLE(p + 1);
            default -> first;
        };
    }

    private static int lenencSize(int first) {
        return switch (first) {
            case 0xFC -> 3;
            case 0xFD -> 4;
            case 0xFE -> 9;
            default -> 1;
        };
    }
}
