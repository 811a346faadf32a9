package io.matrixone.core.model;

import java.util.Locale;

/**
 * The service a {@code mo_ctl} call addresses (mo_sql.md §8). MatrixOne accepts only {@code 'dn'} (the
 * transaction node, TN, which it still calls DN) and {@code 'cn'}; {@code 'tn'} is refused by the server with
 * "service type TN not supported".
 */
public enum MoCtlService {
    /** The transaction node (TN); spelled {@code 'dn'} in the call. */
    DN("dn"),
    /** The compute node. */
    CN("cn");

    private final String sqlName;

    MoCtlService(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The spelling in the call: {@code dn} or {@code cn}. */
    public String sqlName() {
        return sqlName;
    }

    /**
     * Reads {@code dn} or {@code cn} (any case).
     *
     * @throws IllegalArgumentException for anything else; {@code tn} gets a message that says to use {@code dn}
     */
    public static MoCtlService parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("mo_ctl service must not be null");
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "dn" -> DN;
            case "cn" -> CN;
            case "tn" -> throw new IllegalArgumentException(
                    "mo_ctl service 'tn' is refused by MatrixOne (\"service type TN not supported\"); "
                            + "the transaction node is addressed as 'dn'");
            default -> throw new IllegalArgumentException("unknown mo_ctl service " + shown(text) + "; use 'dn' or 'cn'");
        };
    }

    /** The text for a message: quoted if short printable ASCII, else not echoed (no control characters in logs). */
    private static String shown(String text) {
        boolean plain = text.length() <= 64 && text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        return plain ? "'" + text + "'" : "(" + text.length() + " characters, not shown: not plain ASCII)";
    }
}
