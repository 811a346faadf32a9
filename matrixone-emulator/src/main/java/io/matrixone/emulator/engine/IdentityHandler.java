package io.matrixone.emulator.engine;

import java.util.List;
import java.util.Locale;

/**
 * {@code SELECT version()}, {@code git_version()}, {@code @@version_comment}, {@code current_account_name()} and
 * friends (mo_sql.md §9.5), answered only for the exact one-item form; the label is the item as written.
 */
final class IdentityHandler {

    private final TargetVersion version;
    private final Namespaces namespaces;

    IdentityHandler(TargetVersion version, Namespaces namespaces) {
        this.version = version;
        this.namespaces = namespaces;
    }

    String serverVersion() {
        return "8.0.30-MatrixOne-v" + version.text();
    }

    Reply handle(Statement s, Session session) {
        int end = Recogniser.identityItemEnd(s);
        String item = s.sql().substring(s.get(1).start(), s.get(end - 1).end());
        String label = item;
        int i = end;
        if (s.matchesAt(i, "AS")) {
            i++;
        }
        if (i < s.size() && !s.get(i).is("LIMIT")) {
            label = s.get(i).value();
        }
        Token t = s.get(1);
        String key = t.kind() == Token.Kind.VARIABLE ? t.upper().replace("@@SESSION.", "@@").replace("@@GLOBAL.", "@@") : t.upper();
        String value = switch (key) {
            case "VERSION", "@@VERSION" -> serverVersion();
            case "GIT_VERSION" -> "unknown";
            case "@@VERSION_COMMENT" -> "MatrixOne";
            case "CURRENT_ACCOUNT_NAME" -> session.account();
            case "CURRENT_ACCOUNT_ID" -> accountId(session);
            case "CURRENT_USER_NAME" -> session.user();
            case "CURRENT_ROLE_NAME", "CURRENT_ROLE" -> Privileges.role(session);
            case "DATABASE", "SCHEMA" -> {
                Db db = new Db(session.backend());
                yield namespaces.of(db, session).logical(db.currentDatabase());
            }
            default -> throw new IllegalStateException("unexpected identity item " + key.toLowerCase(Locale.ROOT));
        };
        // MatrixOne answers a system variable as TEXT, the functions as VARCHAR (finding F-15)
        Column.Type type = key.equals("CURRENT_ACCOUNT_ID") ? Column.Type.INT_UNSIGNED
                : key.startsWith("@@") ? Column.Type.TEXT : Column.Type.VARCHAR;
        return new Reply.ResultSet(List.of(new Column(label, type)), List.of(java.util.Collections.singletonList(value)));
    }

    private static String accountId(Session session) {
        String id = session.backend().execute("SELECT account_id FROM mo_catalog.mo_account WHERE account_name = "
                + Sql.str(session.account())).scalar();
        return id == null ? "0" : id;
    }
}
