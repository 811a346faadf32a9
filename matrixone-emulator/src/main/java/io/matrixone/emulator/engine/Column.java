package io.matrixone.emulator.engine;

import java.util.Objects;

/**
 * A column of a result set the emulator synthesises. Values are always sent in text form; the type only
 * decides the column definition the client sees.
 */
public record Column(String name, Type type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Column varchar(String name) {
        return new Column(name, Type.VARCHAR);
    }

    public static Column bigint(String name) {
        return new Column(name, Type.BIGINT);
    }

    /** The MySQL column types the emulator needs for MatrixOne's result shapes. */
    public enum Type {
        VARCHAR, TEXT, BIGINT, BIGINT_UNSIGNED, INT, TINYINT, DATETIME, TIMESTAMP
    }
}
