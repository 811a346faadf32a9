package io.matrixone.core.model;

import java.util.Locale;

/** An account's status (grammar rule {@code account_status_option}; SHOW ACCOUNTS shows it in lower case). */
public enum AccountStatus {
    OPEN, SUSPEND, RESTRICTED;

    /** Reads the server's spelling, any case. */
    public static AccountStatus fromSql(String text) {
        if (text != null) {
            for (AccountStatus s : values()) {
                if (s.name().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown account status '" + text + "'; expected open, suspend or restricted");
    }

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
