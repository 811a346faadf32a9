package io.matrixone.emulator.engine;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's errors in MatrixOne's words, for the common cases where the two servers report the same condition
 * differently (mo_sql.md §11.2): names written back into the account's namespace, MatrixOne's messages for
 * unknown databases and tables, existing databases and tables, unknown columns.
 */
final class Errors {
    private static final Pattern UNKNOWN_DB = Pattern.compile("^Unknown database '(.*)'$");
    private static final Pattern NO_TABLE = Pattern.compile("^Table '(.*)\\.(.*)' doesn't exist$");
    private static final Pattern UNKNOWN_TABLE = Pattern.compile("^Unknown table '(.*)\\.(.*)'$");
    private static final Pattern DB_EXISTS = Pattern.compile("^Can't create database '(.*)'; database exists$");
    private static final Pattern TABLE_EXISTS = Pattern.compile("^Table '(.*)' already exists$");
    private static final Pattern UNKNOWN_COLUMN = Pattern.compile("^Unknown column '(.*)' in '.*'$");
    /** Statements whose missing table MatrixOne reports as "no such table db.t"; queries get a parser error. */
    private static final Set<String> CATALOG_VERBS = Set.of("SHOW", "DESC", "DESCRIBE", "DROP", "ALTER", "TRUNCATE",
            "RENAME", "CREATE");

    private Errors() {
    }

    /**
     * @param verb the first keyword of the statement that failed
     */
    static Reply.Error word(Reply.Error e, Namespace ns, String verb) {
        String message = ns.unmap(e.message());
        Matcher m;
        switch (e.code()) {
            case 1049 -> {
                if ((m = UNKNOWN_DB.matcher(message)).matches()) {
                    return new Reply.Error(1049, "HY000", "Unknown database " + m.group(1));
                }
            }
            case 1146 -> {
                if ((m = NO_TABLE.matcher(message)).matches()) {
                    if (CATALOG_VERBS.contains(verb)) {
                        return new Reply.Error(1146, "HY000", "no such table " + m.group(1) + "." + m.group(2));
                    }
                    // query_builder.go: the planner reports a missing table as a parse error, name in lower case
                    return new Reply.Error(1064, "HY000",
                            "SQL parser error: table \"" + m.group(2).toLowerCase(Locale.ROOT) + "\" does not exist");
                }
            }
            case 1051 -> {
                if ((m = UNKNOWN_TABLE.matcher(message)).matches()) {
                    return new Reply.Error(1146, "HY000", "no such table " + m.group(1) + "." + m.group(2));
                }
            }
            case 1007 -> {
                if ((m = DB_EXISTS.matcher(message)).matches()) {
                    return new Reply.Error(1007, "HY000", "database " + m.group(1) + " already exists");
                }
            }
            case 1050 -> {
                if ((m = TABLE_EXISTS.matcher(message)).matches()) {
                    return new Reply.Error(1050, "HY000", "table " + m.group(1) + " already exists");
                }
            }
            case 1054 -> {
                if ((m = UNKNOWN_COLUMN.matcher(message)).matches()) {
                    return new Reply.Error(20301, "HY000", "invalid input: column " + m.group(1) + " does not exist");
                }
            }
            default -> {
            }
        }
        return message.equals(e.message()) ? e : new Reply.Error(e.code(), e.sqlState(), message);
    }
}
