package io.matrixone.spring.example;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.RestoreSpec;
import io.matrixone.core.model.SnapshotSpec;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Flyway with a safety net: before pending migrations run, a snapshot of the database is taken; if a migration
 * fails, the database is restored from it (MySQL-style DDL cannot be rolled back, a snapshot can) and the failure
 * is rethrown, so the application does not start on a half-migrated schema. After success the snapshot is dropped.
 */
@Component
public class SnapshotProtectedMigration implements FlywayMigrationStrategy {
    private static final Logger log = LoggerFactory.getLogger(SnapshotProtectedMigration.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final MatrixOneClient client;

    public SnapshotProtectedMigration(MatrixOneClient client) {
        this.client = client;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (flyway.info().pending().length == 0) {
            return;
        }
        String database = client.options().connection().database();
        String snapshot = "pre_migration_" + LocalDateTime.now().format(STAMP);
        client.snapshots().create(SnapshotSpec.database(snapshot, database));
        try {
            flyway.migrate();
        } catch (RuntimeException failure) {
            log.error("Migration failed; restoring database {} from snapshot {}", database, snapshot);
            try {
                client.restores().restore(RestoreSpec.database(database, snapshot));
            } catch (RuntimeException restoreFailure) {
                failure.addSuppressed(restoreFailure);
            }
            throw failure;
        }
        client.snapshots().drop(snapshot);
    }
}
