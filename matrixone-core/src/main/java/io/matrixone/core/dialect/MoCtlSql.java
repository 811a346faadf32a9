package io.matrixone.core.dialect;

import io.matrixone.core.internal.sql.Literals;
import io.matrixone.core.model.MoCtlResult;
import io.matrixone.core.model.MoCtlService;
import io.matrixone.core.version.ServerVersion;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code SELECT mo_ctl(service, command, parameter)} (mo_sql.md §8): operator commands, for {@code sys} with role
 * {@code moadmin} only. The arguments must be constants, so they are written as string literals, never bound.
 * A SELECT is allowed inside a transaction and runs at once ({@link TxRule#NOW}); its effects are not
 * transactional. {@code MERGEOBJECTS} is refused by the server inside an explicit transaction and is therefore
 * queued after the commit.
 */
@Managed(accessor = "moCtl", name = "MoCtl", doc = "The mo_ctl control function: flush, checkpoint and the other operator commands.")
public final class MoCtlSql {
    /** The server's {@code supportedCmds} (pkg/sql/plan/function/ctl/types.go), upper-cased as it compares them. */
    public static final Set<String> SUPPORTED_COMMANDS = Set.of(
            "PING", "FLUSH", "TASK", "USESNAPSHOT", "GETSNAPSHOT", "CHECKPOINT", "GLOBALCHECKPOINT", "FORCEGC",
            "INSPECT", "LABEL", "WORKSTATE", "SYNCCOMMIT", "ADDFAULTPOINT", "BACKUP", "TRACESPAN", "COREDUMP",
            "INTERCEPTCOMMIT", "MERGEOBJECTS", "DISKCLEANER", "GETPROTOCOLVERSION", "SETPROTOCOLVERSION",
            "REMOVEREMOTELOCKTABLE", "GETLATESTBIND", "UNSUBSCRIBE_TABLE", "TXN-TRACE",
            "RELOAD-AUTO-INCREMENT-CACHE", "READER", "GET-TABLE-SHARDS", "MOTABLESTATS", "WORKSPACETHRESHOLD",
            "TABLE-EXTRA", "PREFETCH-ON-SUBSCRIBED", "GCCATALOGCACHE", "REFRESHVIEWMETADATA");

    private final ServerVersion version;

    MoCtlSql(ServerVersion version) {
        this.version = version;
    }

    /** Flushes a table's in-memory data to storage: {@code mo_ctl('dn', 'flush', 'db.t')}. */
    @Managed.Op(now = true)
    public Operation<MoCtlResult> flush(String database, String table) {
        Identifiers.check(database, NameKind.DATABASE);
        Identifiers.check(table, NameKind.TABLE);
        // the server splits the parameter at '.', so a dot inside a name would name another table
        if (database.indexOf('.') >= 0 || table.indexOf('.') >= 0) {
            throw new IllegalArgumentException("mo_ctl flush cannot address a database or table whose name contains '.'");
        }
        return call(MoCtlService.DN, "flush", database + "." + table);
    }

    /** Flushes a table given its id: {@code mo_ctl('dn', 'flush', '272515')}. */
    @Managed.Op(now = true)
    public Operation<MoCtlResult> flushTable(long tableId) {
        if (tableId <= 0) {
            throw new IllegalArgumentException("table id must be > 0, was " + tableId);
        }
        return call(MoCtlService.DN, "flush", Long.toString(tableId));
    }

    /** An incremental checkpoint: {@code mo_ctl('dn', 'checkpoint', '')}. */
    @Managed.Op(now = true)
    public Operation<MoCtlResult> checkpoint() {
        return call(MoCtlService.DN, "checkpoint", "");
    }

    /** A global checkpoint: {@code mo_ctl('dn', 'globalcheckpoint', '')}. */
    @Managed.Op(now = true)
    public Operation<MoCtlResult> globalCheckpoint() {
        return call(MoCtlService.DN, "globalcheckpoint", "");
    }

    /**
     * Any supported command. {@code service} is {@code "dn"} or {@code "cn"}; {@code "tn"} is refused here with
     * a message to use {@code "dn"}, as the server would refuse it.
     */
    public Operation<MoCtlResult> call(String service, String command, String parameter) {
        return call(MoCtlService.parse(service), command, parameter);
    }

    /**
     * Any command of MatrixOne's supported list (case-insensitive), e.g. {@code call(DN, "inspect",
     * "manifest -t db.t")}. INSPECT answers a JSON document without the usual envelope: {@link MoCtlResult#result()} holds it.
     *
     * @throws IllegalArgumentException for a command the server does not know, or a parameter holding NUL
     */
    @Managed.Op(now = true)
    public Operation<MoCtlResult> call(MoCtlService service, String command, String parameter) {
        Objects.requireNonNull(service, "service");
        if (command == null || !SUPPORTED_COMMANDS.contains(command.trim().toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("mo_ctl command " + (command == null ? "null" : Identifiers.printable(command))
                    + " is not supported by MatrixOne; known: "
                    + new java.util.TreeSet<>(SUPPORTED_COMMANDS));
        }
        if (parameter == null) {
            throw new IllegalArgumentException("mo_ctl parameter must not be null (use \"\")");
        }
        if (parameter.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("mo_ctl parameter must not contain NUL");
        }
        String cmd = command.trim().toLowerCase(Locale.ROOT);
        String sql = "SELECT mo_ctl(" + Literals.string(service.sqlName()) + ", " + Literals.string(cmd) + ", "
                + Literals.string(parameter, "mo_ctl parameter") + ")";
        Statement st = cmd.equals("mergeobjects") ? Statement.afterCommit(sql) : Statement.of(sql);
        return Operation.of(st, r -> {
            String cell = r.one().getString(0);
            if (cell == null) {
                throw new IllegalStateException("mo_ctl answered NULL");
            }
            return MoCtlResult.parse(cell);
        });
    }

    ServerVersion serverVersion() {
        return version;
    }
}
