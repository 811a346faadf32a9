package io.matrixone.emulator.relay;

import io.matrixone.emulator.engine.Backend;
import io.matrixone.emulator.engine.BackendException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bridges MySQL 8 system-variable names that MariaDB before 11.1 does not know. The greeting says 8.0.30, so
 * drivers ask for {@code @@transaction_isolation} and {@code @@transaction_read_only} (Connector/J does on
 * every connect), which MatrixOne answers and MariaDB 10.x refuses; forwarded SQL gets the old names
 * ({@code tx_isolation}, {@code tx_read_only}). Column aliases in the driver's query keep the names it expects.
 */
public final class MariaDbCompat {
    /** No rewriting: the backend knows the MySQL 8 names. */
    public static final MariaDbCompat NONE = new MariaDbCompat(false);

    private static final Pattern MYSQL8_VARIABLE = Pattern.compile(
            "@@((?:session\\.|global\\.|local\\.)?)transaction_(isolation|read_only)\\b", Pattern.CASE_INSENSITIVE);

    private final boolean rewrite;

    private MariaDbCompat(boolean rewrite) {
        this.rewrite = rewrite;
    }

    /** Asks the backend whether it knows {@code @@transaction_isolation}. */
    public static MariaDbCompat detect(Backend admin) {
        try {
            admin.execute("SELECT @@transaction_isolation");
            return NONE;
        } catch (BackendException unknownVariable) {
            return new MariaDbCompat(true);
        }
    }

    public boolean rewrites() {
        return rewrite;
    }

    /** The SQL to send to MariaDB; the same instance when nothing needed rewriting. */
    public String rewrite(String sql) {
        if (!rewrite || sql.indexOf("@@") < 0) {
            return sql;
        }
        Matcher m = MYSQL8_VARIABLE.matcher(sql);
        if (!m.find()) {
            return sql;
        }
        return m.replaceAll("@@$1tx_$2");
    }
}
