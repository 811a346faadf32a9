package io.matrixone.core.model;

import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Checks shared by the model records. Not API. */
final class Models {
    private Models() {
    }

    /** {@code null} and blank catalog cells mean "not applicable". */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String name(String name, NameKind kind) {
        return Identifiers.check(name, kind);
    }

    static String optionalName(String name, NameKind kind) {
        return name == null ? null : Identifiers.check(name, kind);
    }

    /** A checked, immutable copy of a list of names; duplicates and nulls are refused. */
    static List<String> names(Collection<String> names, NameKind kind, String what) {
        if (names == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            Identifiers.check(n, kind);
            if (out.contains(n)) {
                throw new IllegalArgumentException(what + " lists '" + n + "' twice");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static String requireText(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }
}
