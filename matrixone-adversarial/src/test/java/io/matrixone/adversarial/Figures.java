package io.matrixone.adversarial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test's figures, printed and written to {@code target/adversarial/<name>.txt}: the numbers docs/reliability.md
 * quotes come from these files. Thread-safe.
 */
final class Figures {
    private final String name;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    Figures(String name) {
        this.name = name;
    }

    synchronized void add(String key) {
        add(key, 1);
    }

    synchronized void add(String key, long n) {
        counts.merge(key, n, Long::sum);
    }

    synchronized void put(String key, long n) {
        counts.put(key, n);
    }

    synchronized long get(String key) {
        return counts.getOrDefault(key, 0L);
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized String render() {
        StringBuilder sb = new StringBuilder("# ").append(name).append('\n');
        counts.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        notes.forEach(n -> sb.append("note: ").append(n).append('\n'));
        return sb.toString();
    }

    /** Prints the figures and writes them next to the build's other reports. */
    void write() {
        String text = render();
        System.out.println(text);
        try {
            Path dir = Path.of("target", "adversarial");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
