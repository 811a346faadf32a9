package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.error.AccessDeniedException;
import io.matrixone.core.model.MoCtlResult;
import io.matrixone.core.model.VersionInfo;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;

/**
 * What server is this ({@code version()}, {@code git_version()}), and MatrixOne's control function
 * {@code mo_ctl}: flush a table to storage, take a checkpoint. mo_ctl needs the sys account's moadmin role.
 */
public final class MoCtlAndVersion implements Example {

    @Override
    public String name() {
        return "mo-ctl-and-version";
    }

    @Override
    public String description() {
        return "server version and git commit; mo_ctl flush and checkpoint";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        VersionInfo info = client.version().info();
        ctx.say("version() = " + info.versionString() + ", git_version() = " + info.gitVersion());
        ctx.expect(info.version(), client.serverVersion(), "version asked now equals the one detected at connect");

        client.execute("CREATE TABLE metrics (id BIGINT PRIMARY KEY, v DOUBLE)");
        client.execute("INSERT INTO metrics VALUES (1, 0.5), (2, 1.5)");
        try {
            MoCtlResult flush = client.moCtl().flush(ctx.database(), "metrics");
            ctx.say("mo_ctl flush answered " + flush.raw().replaceAll("\\s+", " "));
            ctx.check(flush.isOk(), "flush of " + ctx.database() + ".metrics OK");
            ctx.check(client.moCtl().checkpoint().isOk(), "checkpoint OK");
        } catch (AccessDeniedException e) {
            ctx.say("mo_ctl skipped: this login is not sys/moadmin (error " + e.errorCode() + ")");
        }
    }
}
