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

    /**
     * The MySQL column types the emulator needs for MatrixOne's result shapes, described as MatrixOne describes them
     * ({@code ColumnDefinition.of}).
     */
    public enum Type {
        VARCHAR, TEXT, BIGINT, BIGINT_UNSIGNED, INT, INT_UNSIGNED, TINYINT, TINYINT_UNSIGNED, DOUBLE, DATETIME, TIMESTAMP,
        /**
         * Columns of the result sets MatrixOne's frontend assembles by hand (SHOW PUBLICATIONS, SHOW SUBSCRIPTIONS):
         * no character set, no length, no original name, and MatrixOne's own type ids: {@code BARE_VARCHAR} is 15,
         * {@code BARE_TEXT} 241 (not a MySQL type).
         */
        BARE_VARCHAR, BARE_TEXT, BARE_TIMESTAMP, BARE_TINYINT
    }
}
