package io.matrixone.core.search;

import io.matrixone.core.dialect.Identifiers;
import io.matrixone.core.dialect.NameKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Checks shared by the query records. Not API. */
final class Queries {
    /** The most rows one search returns; a larger page is a bulk read, not a search. */
    static final int MAX_LIMIT = 100_000;

    private Queries() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static String optionalName(String name, NameKind kind) {
        return name == null ? null : Identifiers.check(name, kind);
    }

    static List<String> columns(Collection<String> names, String what, boolean allowEmpty) {
        Objects.requireNonNull(names, what + " must not be null");
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            String checked = Identifiers.check(n, NameKind.COLUMN);
            for (String seen : out) {
                require(!seen.equalsIgnoreCase(checked), what + " names column " + checked + " twice");
            }
            out.add(checked);
        }
        require(allowEmpty || !out.isEmpty(), what + " must name at least one column");
        return List.copyOf(out);
    }

    static int limit(int limit) {
        require(limit >= 1 && limit <= MAX_LIMIT, "limit must be 1.." + MAX_LIMIT + ", was " + limit);
        return limit;
    }

    /** A result label must not clash with a selected column: the row would have two columns of that name. */
    static void distinctLabel(String label, List<String> select, String what) {
        for (String c : select) {
            require(!c.equalsIgnoreCase(label), what + " '" + label + "' is also a selected column; choose another label");
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
