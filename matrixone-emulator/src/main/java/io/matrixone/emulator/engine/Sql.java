package io.matrixone.emulator.engine;

/** Quoting for the SQL the engine writes itself. */
final class Sql {
    private Sql() {
    }

    /** A back-quoted identifier, back-quotes doubled. */
    static String id(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    static String id(String db, String table) {
        return id(db) + "." + id(table);
    }

    /** A single-quoted string literal with backslashes and quotes escaped. */
    static String str(String value) {
        if (value == null) {
            return "NULL";
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\0' -> b.append("\\0");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
