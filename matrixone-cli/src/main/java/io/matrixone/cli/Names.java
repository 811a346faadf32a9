package io.matrixone.cli;

import picocli.CommandLine;

/** Command-line spellings of names. */
final class Names {
    private Names() {
    }

    /** {@code db.table} as its two parts; a usage error (exit code 2) otherwise. */
    static String[] qualified(String value, String option) {
        int dot = value.indexOf('.');
        if (dot <= 0 || dot == value.length() - 1 || value.indexOf('.', dot + 1) >= 0) {
            throw new CommandLine.TypeConversionException(option + " must be DATABASE.TABLE, was '" + value + "'");
        }
        return new String[] {value.substring(0, dot), value.substring(dot + 1)};
    }
}
