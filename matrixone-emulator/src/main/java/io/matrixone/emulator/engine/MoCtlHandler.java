package io.matrixone.emulator.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code SELECT mo_ctl(service, command, parameter)} (pkg/sql/plan/function/ctl, mo_sql.md §8). One VARCHAR
 * column labelled like MatrixOne ({@code mo_ctl(dn, flush, db1.t1)}) holding {@code json.Pretty} of
 * {@code {"method": ..., "result": [...]}}: two-space indentation and a trailing newline (checkpoint.result).
 */
final class MoCtlHandler {

    /** Every command ctl/types.go registers; only some are emulated. */
    private static final Set<String> SUPPORTED = Set.of("PING", "FLUSH", "TASK", "USESNAPSHOT", "GETSNAPSHOT", "CHECKPOINT",
            "GLOBALCHECKPOINT", "FORCEGC", "INSPECT", "LABEL", "WORKSTATE", "SYNCCOMMIT", "ADDFAULTPOINT", "BACKUP",
            "TRACESPAN", "COREDUMP", "INTERCEPTCOMMIT", "MERGEOBJECTS", "DISKCLEANER", "GETPROTOCOLVERSION",
            "SETPROTOCOLVERSION", "REMOVEREMOTELOCKTABLE", "GETLATESTBIND", "UNSUBSCRIBE_TABLE", "TXN-TRACE",
            "RELOAD-AUTO-INCREMENT-CACHE", "READER", "GET-TABLE-SHARDS", "MOTABLESTATS", "WORKSPACETHRESHOLD",
            "TABLE-EXTRA", "PREFETCH-ON-SUBSCRIBED", "GCCATALOGCACHE", "REFRESHVIEWMETADATA");
    /** The TN-side method names in the JSON (not the request spelling). */
    private static final Map<String, String> METHODS = Map.of("FLUSH", "Flush", "CHECKPOINT", "Checkpoint",
            "GLOBALCHECKPOINT", "GlobalCheckpoint");

    record Call(String label, String service, String command, String parameter) {
    }

    private final Namespaces namespaces;

    MoCtlHandler(Namespaces namespaces) {
        this.namespaces = namespaces;
    }

    /** {@code SELECT mo_ctl('s', 'c', 'p') [[AS] alias]}; arguments must be string constants. */
    static Call parse(Statement s) {
        TokenCursor c = s.cursor();
        c.expect("SELECT");
        Token fn = c.next();
        c.expectPunct("(");
        String[] args = new String[3];
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                c.expectPunct(",");
            }
            Token t = c.peek();
            if (t == null || t.kind() != Token.Kind.STRING) {
                throw MoException.invalidInput("mo_ctl can only be called with const args");
            }
            args[i] = c.string();
        }
        c.expectPunct(")");
        String label = fn.value() + "(" + args[0] + ", " + args[1] + ", " + args[2] + ")";
        if (c.accept("AS")) {
            label = c.identifierOrString();
        } else if (!c.atEnd() && c.peek().isIdentifier()) {
            label = c.identifier();
        }
        c.expectEnd();
        return new Call(label, args[0], args[1], args[2]);
    }

    Reply handle(Statement s, Session session) {
        Call call = parse(s);
        Privileges.checkSysAdmin(session);
        String service = call.service().toUpperCase(Locale.ROOT);
        if (!service.equals("DN") && !service.equals("CN")) {
            throw MoException.notSupported("service type " + service + " not supported");
        }
        String command = call.command().toUpperCase(Locale.ROOT);
        if (!SUPPORTED.contains(command)) {
            throw MoException.notSupported("command " + command + " not supported");
        }
        String method = METHODS.get(command);
        if (method == null) {
            throw MoException.emulator("mo_ctl command " + command + " is not emulated");
        }
        if (command.equals("FLUSH")) {
            Db db = new Db(session.backend());
            checkFlushTarget(db, namespaces.of(db, session), call.parameter());
        }
        return new Reply.ResultSet(List.of(Column.varchar(call.label())), List.of(List.of(okJson(method))));
    }

    /** handleFlush (cmd_flush.go): "TableId" or "DbName.TableName[.AccountId]". */
    private static void checkFlushTarget(Db db, Namespace session, String parameter) {
        String[] parts = parameter.split("\\.", -1);
        if (parts.length > 3) {
            throw MoException.internal("handleFlush: expected \"TableId\" or \"DbName.TableName[.AccountId]\" ");
        }
        if (parts.length == 1) {
            if (!parts[0].chars().allMatch(Character::isDigit) || parts[0].isEmpty()) {
                throw MoException.internal("handleFlush: table id parse fail");
            }
            return;
        }
        // a third part names the account by id
        Namespace ns = parts.length == 3 && parts[2].chars().allMatch(Character::isDigit) && !parts[2].isEmpty()
                ? new Namespace(parts[2], Long.parseLong(parts[2])) : session;
        if (!db.databaseExists(ns.physical(parts[0]))) {
            throw new MoException(1064, "HY000", "SQL parser error: database \"" + parts[0] + "\" does not exist");
        }
        if (!db.tableExists(ns.physical(parts[0]), parts[1])) {
            throw MoException.noSuchTable(parts[0], parts[1]);
        }
    }

    /** tidwall/pretty output of {"method": m, "result": [{"returnStr": "OK"}]}. */
    static String okJson(String method) {
        return "{\n  \"method\": \"" + method + "\",\n  \"result\": [\n    {\n      \"returnStr\": \"OK\"\n    }\n  ]\n}\n";
    }
}
