package io.matrixone.core.model;

import java.util.Locale;

/** The unit of a PITR range, written as a string literal: {@code 'h'}, {@code 'd'}, {@code 'mo'}, {@code 'y'} (mo_sql.md §5.1). */
public enum PitrUnit {
    HOURS("h"), DAYS("d"), MONTHS("mo"), YEARS("y");

    private final String sqlName;

    PitrUnit(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The spelling MatrixOne accepts and shows: {@code h}, {@code d}, {@code mo}, {@code y}. */
    public String sqlName() {
        return sqlName;
    }

    /** Reads the server's spelling (any case), e.g. from SHOW PITR's {@code PITR_UNIT}. */
    public static PitrUnit fromSql(String text) {
        if (text != null) {
            String s = text.trim().toLowerCase(Locale.ROOT);
            for (PitrUnit u : values()) {
                if (u.sqlName.equals(s)) {
                    return u;
                }
            }
        }
        throw new IllegalArgumentException("unknown PITR unit '" + text + "'; expected h, d, mo or y");
    }
}
