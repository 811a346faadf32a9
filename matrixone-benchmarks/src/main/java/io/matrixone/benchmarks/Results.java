package io.matrixone.benchmarks;

import io.matrixone.benchmarks.harness.PairResult;
import io.matrixone.benchmarks.harness.Sample;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run measured, kept (serialised next to the report) so that the report can be rendered again
 * without measuring again ({@code RunBenchmarks --render <file>}).
 */
final class Results implements Serializable {
    private static final long serialVersionUID = 2L;

    /** One step of a growth series: {@code size} items, measured by one JMH run. */
    record Step(String series, String what, long size, Sample sample) implements Serializable {
    }

    /** Pairs per server: {@code mariadb}, {@code emulator}, {@code matrixone}. */
    final Map<String, List<PairResult>> pairs = new LinkedHashMap<>();
    /** Growth series per server. */
    final Map<String, List<Step>> growth = new LinkedHashMap<>();
    /** Measured round-trip time per latency setting, microseconds. */
    final Map<String, Double> rtt = new LinkedHashMap<>();
    /** Facts about the run: dates, load averages, versions, what was skipped and why. */
    final Map<String, String> info = new LinkedHashMap<>();

    void add(String server, PairResult result) {
        pairs.computeIfAbsent(server, k -> new ArrayList<>()).add(result);
    }

    void addGrowth(String server, Step step) {
        growth.computeIfAbsent(server, k -> new ArrayList<>()).add(step);
    }

    Optional<PairResult> pair(String server, String id) {
        return pairs.getOrDefault(server, List.of()).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(this);
        }
    }

    static Results load(Path file) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return (Results) in.readObject();
        }
    }
}
