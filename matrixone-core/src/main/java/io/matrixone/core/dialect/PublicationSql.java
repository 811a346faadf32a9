package io.matrixone.core.dialect;

import io.matrixone.core.internal.sql.Literals;
import io.matrixone.core.error.PublicationExistsException;
import io.matrixone.core.error.PublicationNotFoundException;
import io.matrixone.core.model.Publication;
import io.matrixone.core.model.PublicationAlter;
import io.matrixone.core.model.PublicationSpec;
import io.matrixone.core.model.Subscription;
import io.matrixone.core.model.SubscriptionSpec;
import io.matrixone.core.result.ResultMapper;
import io.matrixone.core.result.Row;
import io.matrixone.core.result.RowMapper;
import io.matrixone.core.version.Feature;
import io.matrixone.core.version.ServerVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Publications and subscriptions (mo_sql.md §6). CREATE/ALTER/DROP PUBLICATION are refused inside a
 * transaction (20101) and run {@link TxRule#AFTER_COMMIT}. SHOW PUBLICATIONS and SHOW SUBSCRIPTIONS are on the
 * server's allow-list and run at once. Subscribing is a CREATE DATABASE, transactional like any other, so it
 * runs at once too and a ROLLBACK undoes it.
 */
@Managed(accessor = "publications", name = "Publication", doc = "Publications and subscriptions: sharing databases between accounts.")
public final class PublicationSql {
    private final ServerVersion version;

    PublicationSql(ServerVersion version) {
        this.version = version;
    }

    /**
     * {@code CREATE PUBLICATION [IF NOT EXISTS] `p` DATABASE {`d` | *} [TABLE `t1`, `t2`] ACCOUNT {ALL | `a`, `b`}
     * [COMMENT 'c']}, after commit, undone by {@code DROP PUBLICATION IF EXISTS} (not with IF NOT EXISTS).
     */
    @Managed.Op
    public Operation<Void> create(PublicationSpec spec) {
        Operation<Void> op = Operation.run(createStatement(spec));
        // MatrixOne (4.2.0) reports an existing publication even with IF NOT EXISTS: keep IF NOT EXISTS's meaning
        return spec.keepExisting() ? op.orElseWhen(PublicationExistsException.class, null) : op;
    }

    Statement createStatement(PublicationSpec spec) {
        if (!spec.hasAccounts()) {
            throw new IllegalArgumentException("publication " + spec.name() + " needs ACCOUNT ALL or a list of accounts"
                    + " (grammar rule create_publication_accounts): use toAllAccounts() or toAccounts(...)");
        }
        StringBuilder sql = new StringBuilder("CREATE PUBLICATION ");
        if (spec.keepExisting()) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(Identifiers.quote(spec.name(), NameKind.PUBLICATION)).append(" DATABASE ");
        if (spec.database() == null) {
            Gates.require(version, Feature.PUBLICATION_ALL_DATABASES, "CREATE PUBLICATION ... DATABASE *");
            sql.append('*');
        } else {
            sql.append(Identifiers.quote(spec.database(), NameKind.DATABASE));
        }
        if (!spec.tables().isEmpty()) {
            sql.append(" TABLE ").append(list(spec.tables(), NameKind.TABLE));
        }
        sql.append(" ACCOUNT ").append(spec.allAccounts() ? "ALL" : list(spec.accounts(), NameKind.ACCOUNT));
        if (spec.comment() != null) {
            sql.append(" COMMENT ").append(Literals.string(spec.comment(), "comment"));
        }
        Statement st = Statement.afterCommit(sql.toString());
        return spec.keepExisting() ? st : st.withUndo(dropStatement(spec.name(), true));
    }

    /** {@code ALTER PUBLICATION [IF EXISTS] `p` [ACCOUNT ...] [DATABASE `d`] [TABLE ...] [COMMENT 'c']}, after commit. */
    @Managed.Op
    public Operation<Void> alter(PublicationAlter change) {
        if (!change.changesSomething()) {
            throw new IllegalArgumentException("ALTER PUBLICATION " + change.name() + " changes nothing");
        }
        StringBuilder sql = new StringBuilder("ALTER PUBLICATION ");
        if (change.skipMissing()) {
            sql.append("IF EXISTS ");
        }
        sql.append(Identifiers.quote(change.name(), NameKind.PUBLICATION));
        switch (change.accountMode()) {
            case KEEP -> {
            }
            case ALL -> sql.append(" ACCOUNT ALL");
            case SET -> sql.append(" ACCOUNT ").append(list(change.accountList(), NameKind.ACCOUNT));
            case ADD -> sql.append(" ACCOUNT ADD ").append(list(change.accountList(), NameKind.ACCOUNT));
            case DROP -> sql.append(" ACCOUNT DROP ").append(list(change.accountList(), NameKind.ACCOUNT));
        }
        if (change.newDatabase() != null) {
            sql.append(" DATABASE ").append(Identifiers.quote(change.newDatabase(), NameKind.DATABASE));
        }
        if (!change.newTables().isEmpty()) {
            sql.append(" TABLE ").append(list(change.newTables(), NameKind.TABLE));
        }
        if (change.newComment() != null) {
            sql.append(" COMMENT ").append(Literals.string(change.newComment(), "comment")); // last, as the grammar wants
        }
        Operation<Void> op = Operation.run(Statement.afterCommit(sql.toString()));
        // MatrixOne (4.2.0) reports a missing publication even with IF EXISTS: keep IF EXISTS's meaning
        return change.skipMissing() ? op.orElseWhen(PublicationNotFoundException.class, null) : op;
    }

    /** {@code DROP PUBLICATION `p`}, after commit. */
    @Managed.Op
    public Operation<Void> drop(String name) {
        return Operation.run(dropStatement(name, false));
    }

    /** {@code DROP PUBLICATION IF EXISTS `p`}, after commit. */
    @Managed.Op
    public Operation<Void> dropIfExists(String name) {
        return Operation.run(dropStatement(name, true));
    }

    Statement dropStatement(String name, boolean ifExists) {
        return Statement.afterCommit("DROP PUBLICATION " + (ifExists ? "IF EXISTS " : "")
                + Identifiers.quote(name, NameKind.PUBLICATION));
    }

    /** {@code SHOW PUBLICATIONS}: this account's publications. Runs at once, also inside a transaction. */
    @Managed.Op(now = true)
    public Operation<List<Publication>> list() {
        return Operation.of(Statement.of("SHOW PUBLICATIONS"), ResultMapper.list(publicationMapper()));
    }

    /** One publication by name (names are folded to lower case by the server), from {@link #list()}. */
    @Managed.Op(now = true)
    public Operation<Optional<Publication>> get(String name) {
        String folded = Identifiers.check(name, NameKind.PUBLICATION).toLowerCase(Locale.ROOT);
        return list().map(all -> all.stream().filter(p -> p.name().equalsIgnoreCase(folded)).findFirst());
    }

    /** {@code SHOW SUBSCRIPTIONS}: the publications this account has subscribed to. */
    @Managed.Op(now = true)
    public Operation<List<Subscription>> subscriptions() {
        return Operation.of(Statement.of("SHOW SUBSCRIPTIONS"), ResultMapper.list(subscriptionMapper()));
    }

    /** {@code SHOW SUBSCRIPTIONS ALL}: also the publications offered to this account but not subscribed. */
    @Managed.Op(now = true)
    public Operation<List<Subscription>> allSubscriptions() {
        return Operation.of(Statement.of("SHOW SUBSCRIPTIONS ALL"), ResultMapper.list(subscriptionMapper()));
    }

    /**
     * {@code CREATE DATABASE [IF NOT EXISTS] `d` FROM `acc` PUBLICATION `p`}: a CREATE DATABASE, so it runs at once
     * and is undone by {@code DROP DATABASE IF EXISTS `d`} (not with IF NOT EXISTS).
     */
    @Managed.Op
    public Operation<Void> subscribe(SubscriptionSpec spec) {
        String db = Identifiers.quote(spec.database(), NameKind.DATABASE);
        Statement st = Statement.of("CREATE DATABASE " + (spec.keepExisting() ? "IF NOT EXISTS " : "") + db + " FROM "
                + Identifiers.quote(spec.publisherAccount(), NameKind.ACCOUNT) + " PUBLICATION "
                + Identifiers.quote(spec.publication(), NameKind.PUBLICATION));
        return Operation.run(spec.keepExisting() ? st : st.withUndo(Statement.of("DROP DATABASE IF EXISTS " + db)));
    }

    /** Ends a subscription by dropping its local database: {@code DROP DATABASE `d`}, at once. */
    @Managed.Op
    public Operation<Void> unsubscribe(String database) {
        return Operation.run(Statement.of("DROP DATABASE " + Identifiers.quote(database, NameKind.DATABASE)));
    }

    /** Maps a SHOW PUBLICATIONS row. */
    public RowMapper<Publication> publicationMapper() {
        return row -> {
            String subAccount = text(row, "sub_account");
            boolean all = subAccount.trim().equals("*");
            return new Publication(row.getString("publication"), row.getString("database"), split(text(row, "tables")),
                    all, all ? List.of() : split(subAccount), split(text(row, "subscribed_accounts")),
                    row.getLocalDateTime("create_time"), row.getLocalDateTime("update_time"), row.getString("comments"));
        };
    }

    /** Maps a SHOW SUBSCRIPTIONS row. */
    public RowMapper<Subscription> subscriptionMapper() {
        return row -> {
            Integer status = row.getInt("status");
            return new Subscription(row.getString("pub_name"), row.getString("pub_account"), row.getString("pub_database"),
                    split(text(row, "pub_tables")), row.getString("pub_comment"), row.getLocalDateTime("pub_time"),
                    row.getString("sub_name"), row.getLocalDateTime("sub_time"), status == null ? 0 : status);
        };
    }

    private static String text(Row row, String column) {
        String s = row.getString(column);
        return s == null ? "" : s;
    }

    /** A comma-separated cell; {@code *} and empty mean "no list". */
    static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        String s = cell.trim();
        if (s.isEmpty() || s.equals("*")) {
            return List.of();
        }
        for (String part : s.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static String list(List<String> names, NameKind kind) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Identifiers.quote(n, kind));
        }
        return sb.toString();
    }
}
