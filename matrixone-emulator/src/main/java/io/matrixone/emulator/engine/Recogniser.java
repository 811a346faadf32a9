package io.matrixone.emulator.engine;

import java.util.Set;

/**
 * Classifies one statement by its leading keywords. Conservative: anything it does not know is {@link
 * StatementKind#OTHER} and is forwarded unchanged.
 */
final class Recogniser {

    private static final Set<String> IDENTITY_FUNCTIONS = Set.of("VERSION", "GIT_VERSION", "CURRENT_ACCOUNT_NAME",
            "CURRENT_ACCOUNT_ID", "CURRENT_USER_NAME", "CURRENT_ROLE_NAME", "CURRENT_ROLE", "DATABASE", "SCHEMA");
    private static final Set<String> IDENTITY_VARIABLES = Set.of("@@VERSION_COMMENT", "@@VERSION",
            "@@SESSION.VERSION_COMMENT", "@@GLOBAL.VERSION_COMMENT");

    private Recogniser() {
    }

    static StatementKind classify(Statement s) {
        Token first = s.first();
        if (first.kind() != Token.Kind.WORD) {
            return StatementKind.OTHER;
        }
        return switch (first.upper()) {
            case "CREATE" -> create(s);
            case "DROP" -> drop(s);
            case "ALTER" -> alter(s);
            case "SHOW" -> show(s);
            case "RESTORE" -> StatementKind.RESTORE;
            case "DATA" -> s.matchesAt(1, "BRANCH") ? StatementKind.DATA_BRANCH : StatementKind.OTHER;
            case "GRANT", "REVOKE" -> StatementKind.ADMIN;
            case "RENAME" -> s.matchesAt(1, "USER") ? StatementKind.ADMIN : s.matchesAt(1, "TABLE") ? StatementKind.DDL : StatementKind.OTHER;
            case "TRUNCATE" -> StatementKind.DDL;
            case "SET" -> set(s);
            case "SAVEPOINT" -> StatementKind.SAVEPOINT;
            case "RELEASE" -> s.matchesAt(1, "SAVEPOINT") ? StatementKind.RELEASE_SAVEPOINT : StatementKind.OTHER;
            case "ROLLBACK" -> rollback(s);
            case "BEGIN" -> s.size() == 1 || s.matchesAt(1, "WORK") ? StatementKind.BEGIN : StatementKind.OTHER;
            case "START" -> s.matchesAt(1, "TRANSACTION") ? StatementKind.BEGIN : StatementKind.OTHER;
            case "COMMIT" -> StatementKind.COMMIT;
            case "USE" -> s.matchesAt(1, "ROLE") || s.matchesAt(1, "SECONDARY", "ROLE") ? StatementKind.ADMIN : StatementKind.OTHER;
            case "KILL" -> StatementKind.OTHER_UNCLASSIFIED;
            case "SELECT" -> select(s);
            default -> StatementKind.OTHER;
        };
    }

    private static StatementKind create(Statement s) {
        int i = 1;
        if (s.matchesAt(i, "OR", "REPLACE")) {
            i += 2;
        }
        i = skipViewAndRoutineOptions(s, i);
        Token t = s.get(i);
        if (t == null || t.kind() != Token.Kind.WORD) {
            return StatementKind.OTHER;
        }
        switch (t.upper()) {
            case "SNAPSHOT":
                return StatementKind.CREATE_SNAPSHOT;
            case "PITR":
                return StatementKind.CREATE_PITR;
            case "PUBLICATION":
                return StatementKind.CREATE_PUBLICATION;
            case "ACCOUNT":
                return StatementKind.CREATE_ACCOUNT;
            case "USER", "ROLE":
                return StatementKind.ADMIN;
            case "DATABASE", "SCHEMA": {
                int n = afterName(s, skipIfNotExists(s, i + 1), false);
                if (s.matchesAt(n, "CLONE")) {
                    return StatementKind.CLONE_DATABASE;
                }
                if (s.matchesAt(n, "FROM") && s.indexOf("PUBLICATION") > n) {
                    return StatementKind.SUBSCRIBE;
                }
                return StatementKind.DDL;
            }
            case "TEMPORARY": {
                if (s.matchesAt(i + 1, "TABLE")) {
                    int n = afterName(s, skipIfNotExists(s, i + 2), true);
                    return s.matchesAt(n, "CLONE") ? StatementKind.CLONE_TABLE : StatementKind.OTHER;
                }
                return StatementKind.OTHER;
            }
            case "TABLE": {
                int n = afterName(s, skipIfNotExists(s, i + 1), true);
                return s.matchesAt(n, "CLONE") ? StatementKind.CLONE_TABLE : StatementKind.DDL;
            }
            case "UNIQUE", "FULLTEXT", "SPATIAL", "INDEX", "VIEW":
                return StatementKind.DDL;
            case "SEQUENCE":
                return StatementKind.SEQUENCE_DDL;
            case "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "STAGE", "CDC", "AGGREGATE":
                return StatementKind.OTHER_UNCLASSIFIED;
            default:
                return StatementKind.OTHER;
        }
    }

    /** Skips {@code ALGORITHM = x}, {@code DEFINER = user}, {@code SQL SECURITY x} before VIEW/PROCEDURE/... */
    private static int skipViewAndRoutineOptions(Statement s, int i) {
        while (true) {
            if (s.matchesAt(i, "ALGORITHM") || s.matchesAt(i, "DEFINER")) {
                i++;
                if (s.get(i) != null && s.get(i).isPunct("=")) {
                    i++;
                }
                i++; // the value; a DEFINER user@host is an identifier followed by a @host variable token
                if (s.get(i) != null && s.get(i).kind() == Token.Kind.VARIABLE) {
                    i++;
                }
            } else if (s.matchesAt(i, "SQL", "SECURITY")) {
                i += 3;
            } else {
                return i;
            }
        }
    }

    private static int skipIfNotExists(Statement s, int i) {
        return s.matchesAt(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
    }

    /** Index after a (possibly qualified, possibly hinted) object name starting at {@code i}. */
    private static int afterName(Statement s, int i, boolean qualified) {
        Token t = s.get(i);
        if (t == null || !t.isIdentifier()) {
            return i;
        }
        i++;
        if (qualified && s.get(i) != null && s.get(i).isPunct(".") && s.get(i + 1) != null && s.get(i + 1).isIdentifier()) {
            i += 2;
        }
        return i;
    }

    private static StatementKind drop(Statement s) {
        Token t = s.get(1);
        if (t == null || t.kind() != Token.Kind.WORD) {
            return StatementKind.OTHER;
        }
        return switch (t.upper()) {
            case "SNAPSHOT" -> StatementKind.DROP_SNAPSHOT;
            case "PITR" -> StatementKind.DROP_PITR;
            case "PUBLICATION" -> StatementKind.DROP_PUBLICATION;
            case "ACCOUNT" -> StatementKind.DROP_ACCOUNT;
            case "USER", "ROLE" -> StatementKind.ADMIN;
            case "TABLE", "DATABASE", "SCHEMA", "INDEX", "VIEW" -> StatementKind.DDL;
            case "SEQUENCE" -> StatementKind.SEQUENCE_DDL;
            case "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "STAGE", "CDC" -> StatementKind.OTHER_UNCLASSIFIED;
            default -> StatementKind.OTHER; // DROP TEMPORARY TABLE and the rest
        };
    }

    private static StatementKind alter(Statement s) {
        int i = 1;
        if (s.matchesAt(i, "ONLINE") || s.matchesAt(i, "IGNORE")) {
            i++;
        }
        i = skipViewAndRoutineOptions(s, i);
        Token t = s.get(i);
        if (t == null || t.kind() != Token.Kind.WORD) {
            return StatementKind.OTHER;
        }
        return switch (t.upper()) {
            case "PITR" -> StatementKind.ALTER_PITR;
            case "PUBLICATION" -> StatementKind.ALTER_PUBLICATION;
            case "ACCOUNT" -> StatementKind.ALTER_ACCOUNT;
            case "USER", "ROLE" -> StatementKind.ADMIN;
            case "TABLE", "DATABASE", "SCHEMA", "VIEW" -> StatementKind.DDL;
            case "SEQUENCE" -> StatementKind.SEQUENCE_DDL;
            case "PROCEDURE", "FUNCTION", "EVENT", "STAGE" -> StatementKind.OTHER_UNCLASSIFIED;
            default -> StatementKind.OTHER;
        };
    }

    private static StatementKind show(Statement s) {
        Token t = s.get(1);
        if (t == null || t.kind() != Token.Kind.WORD) {
            return StatementKind.OTHER;
        }
        return switch (t.upper()) {
            case "SNAPSHOTS" -> StatementKind.SHOW_SNAPSHOTS;
            case "PITR" -> StatementKind.SHOW_PITR;
            case "RECOVERY_WINDOW" -> StatementKind.SHOW_RECOVERY_WINDOW;
            case "PUBLICATIONS" -> StatementKind.SHOW_PUBLICATIONS;
            case "SUBSCRIPTIONS" -> StatementKind.SHOW_SUBSCRIPTIONS;
            case "ACCOUNTS" -> StatementKind.SHOW_ACCOUNTS;
            case "DATABASES", "SCHEMAS" -> StatementKind.SHOW_DATABASES;
            case "TABLES" -> StatementKind.SHOW_TABLES;
            case "FULL" -> s.matchesAt(2, "TABLES") ? StatementKind.SHOW_TABLES : StatementKind.OTHER;
            case "CREATE" -> s.matchesAt(2, "PUBLICATION") ? StatementKind.SHOW_CREATE_PUBLICATION
                    : s.matchesAt(2, "TABLE") || s.matchesAt(2, "VIEW") || s.matchesAt(2, "DATABASE") || s.matchesAt(2, "SCHEMA")
                    ? StatementKind.SHOW_CREATE : StatementKind.OTHER;
            default -> StatementKind.OTHER;
        };
    }

    private static StatementKind set(Statement s) {
        int i = 1;
        if (s.matchesAt(1, "ROLE") || s.matchesAt(1, "DEFAULT", "ROLE") || s.matchesAt(1, "PASSWORD")
                || s.matchesAt(1, "SECONDARY", "ROLE")) {
            return StatementKind.ADMIN;
        }
        if (s.matchesAt(i, "SESSION") || s.matchesAt(i, "GLOBAL") || s.matchesAt(i, "LOCAL")) {
            i++;
        }
        return s.matchesAt(i, "TRANSACTION") ? StatementKind.SET_TRANSACTION : StatementKind.SET;
    }

    private static StatementKind rollback(Statement s) {
        int i = 1;
        if (s.matchesAt(i, "WORK")) {
            i++;
        }
        return s.matchesAt(i, "TO") ? StatementKind.ROLLBACK_TO : StatementKind.ROLLBACK;
    }

    private static StatementKind select(Statement s) {
        if (s.matchesAt(1, "MO_CTL") && s.get(2) != null && s.get(2).isPunct("(")) {
            return StatementKind.MO_CTL;
        }
        return identityItemEnd(s) > 0 ? StatementKind.IDENTITY_SELECT : StatementKind.OTHER;
    }

    /**
     * For {@code SELECT <identity item> [[AS] alias] [LIMIT 1]}: the index just past the item, else -1.
     * Only this exact simple shape is answered by the engine; anything richer is forwarded.
     */
    static int identityItemEnd(Statement s) {
        Token t = s.get(1);
        int end;
        if (t == null) {
            return -1;
        }
        if (t.kind() == Token.Kind.VARIABLE && IDENTITY_VARIABLES.contains(t.upper())) {
            end = 2;
        } else if (t.kind() == Token.Kind.WORD && IDENTITY_FUNCTIONS.contains(t.upper())
                && s.get(2) != null && s.get(2).isPunct("(") && s.get(3) != null && s.get(3).isPunct(")")) {
            end = 4;
        } else {
            return -1;
        }
        int i = end;
        if (s.matchesAt(i, "AS")) {
            i++;
        }
        if (i < s.size() && s.get(i).kind() != Token.Kind.PUNCT && !s.get(i).is("LIMIT")) {
            if (!(s.get(i).isIdentifier() || s.get(i).kind() == Token.Kind.STRING)) {
                return -1;
            }
            i++;
        } else if (i != end) {
            return -1; // AS without alias
        }
        if (s.matchesAt(i, "LIMIT") && s.get(i + 1) != null && s.get(i + 1).value().equals("1")) {
            i += 2;
        }
        return i == s.size() ? end : -1;
    }
}
