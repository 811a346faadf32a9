package io.matrixone.core.result;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column labels of one result, shared by all its rows, with a case-insensitive index built once per
 * result rather than once per row.
 */
final class Columns {
    private final List<String> names;
    private final Map<String, Integer> byLowerName;

    private Columns(List<String> names) {
        this.names = List.copyOf(names);
        Map<String, Integer> index = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            // the first of two equal labels wins, as in JDBC's findColumn
            index.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
        }
        this.byLowerName = index;
    }

    static Columns of(List<String> names) {
        return new Columns(names);
    }

    int size() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    String name(int index) {
        return names.get(index);
    }

    int find(String name) {
        Integer i = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    int indexOf(String name) {
        int i = find(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + names);
        }
        return i;
    }
}
