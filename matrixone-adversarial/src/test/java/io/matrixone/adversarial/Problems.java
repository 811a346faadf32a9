package io.matrixone.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems found by a suite, grouped by where and what (one line per API and kind of problem, with how many inputs
 * showed it and the first of them), so that a failure reads as a list of defects rather than thousands of cases. The
 * whole list goes to {@code target/adversarial/<name>-problems.txt}. Thread-safe.
 */
final class Problems {
    private final String name;
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private int size;

    Problems(String name) {
        this.name = name;
    }

    /** A problem of {@code where} for {@code input}; {@code what} is grouped after masking quoted details. */
    synchronized void add(String where, String input, String what) {
        String kind = what.replaceAll("\"[^\"]*\"", "\"…\"");
        if (kind.length() > 160) {
            kind = kind.substring(0, 160) + "…";
        }
        groups.computeIfAbsent(where + ": " + kind, k -> new ArrayList<>()).add(input + ": " + what);
        size++;
    }

    synchronized int size() {
        return size;
    }

    synchronized String summary() {
        StringBuilder sb = new StringBuilder();
        groups.forEach((k, v) -> sb.append("- ").append(v.size()).append("x ").append(k).append("\n    e.g. ")
                .append(v.get(0)).append('\n'));
        return sb.toString();
    }

    void write() {
        StringBuilder all = new StringBuilder();
        synchronized (this) {
            groups.forEach((k, v) -> {
                all.append(k).append('\n');
                v.forEach(x -> all.append("    ").append(x).append('\n'));
            });
        }
        try {
            Path dir = Path.of("target", "adversarial");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + "-problems.txt"), all.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void assertNone() {
        assertThat(size()).as(size() + " problems in " + groups.size() + " groups:\n" + summary()).isZero();
    }
}
