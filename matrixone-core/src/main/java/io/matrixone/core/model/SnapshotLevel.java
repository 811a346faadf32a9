package io.matrixone.core.model;

import java.util.Locale;

/**
 * What a snapshot (or a PITR) covers. The catalog spells levels in lower case
 * ({@code mo_catalog.mo_snapshots.level enum('cluster','account','database','table')}, mo_sql.md §1.4).
 */
public enum SnapshotLevel {
    CLUSTER, ACCOUNT, DATABASE, TABLE;

    /** The catalog spelling, {@code cluster}, {@code account}, ... */
    public String catalogName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the catalog spelling (any case). */
    public static SnapshotLevel fromCatalog(String text) {
        if (text == null) {
            throw new IllegalArgumentException("level must not be null");
        }
        for (SnapshotLevel l : values()) {
            if (l.name().equalsIgnoreCase(text.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "'; expected cluster, account, database or table");
    }
}
