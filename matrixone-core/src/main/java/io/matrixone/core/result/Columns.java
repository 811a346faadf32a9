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
    /** Built on the first look-up by name: most results are read by index, and one is built per query. */
    private volatile Map<String, Integer> byLowerName;

    private Columns(List<String> names) {
        this.names = names;
    }

    private Map<String, Integer> index() {
        Map<String, Integer> index = byLowerName;
        if (index == null) {
            index = new HashMap<>(names.size() * 2);
            for (int i = 0; i < names.size(); i++) {
                // the first of two equal labels wins, as in JDBC's findColumn
                index.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
            }
            byLowerName = index; // a racing thread builds the same map; either is fine
        }
        return index;
    }

    static Columns of(List<String> names) {
        return new Columns(List.copyOf(names));
    }

    /** Takes the labels as they are: the caller hands over a fresh array it never touches again. */
    static Columns ofOwned(String[] names) {
        return new Columns(java.util.Collections.unmodifiableList(java.util.Arrays.asList(names)));
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
        Integer i = index().get(name.toLowerCase(Locale.ROOT));
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
