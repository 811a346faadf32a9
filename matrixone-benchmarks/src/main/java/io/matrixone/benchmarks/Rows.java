package io.matrixone.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The bulk-insert rows: {@code (id, 'name-<id>', 'user-<id>@example.com')} for id 1..n, generated lazily. */
final class Rows {
    private Rows() {
    }

    static String name(long i) {
        return "name-" + i;
    }

    static String email(long i) {
        return "user-" + i + "@example.com";
    }

    /** Binds row {@code id} to an {@code INSERT ... (id, name, email) VALUES (?, ?, ?)}. */
    static void bind(java.sql.PreparedStatement ps, long id) throws java.sql.SQLException {
        ps.setLong(1, id);
        ps.setString(2, name(id));
        ps.setString(3, email(id));
    }

    static Iterable<Object[]> of(long n) {
        return () -> new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Object[] next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                long id = ++i;
                return new Object[] {id, name(id), email(id)};
            }
        };
    }

    /** The same rows as a tab-separated file, for the server's own LOAD DATA LOCAL INFILE. */
    static Path writeFile(long n) throws IOException {
        Path file = Files.createTempFile("matrixone-bench-rows-", ".tsv");
        file.toFile().deleteOnExit();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long id = 1; id <= n; id++) {
                w.append(Long.toString(id)).append('\t').append(name(id)).append('\t').append(email(id)).append('\n');
            }
        }
        return file;
    }
}
