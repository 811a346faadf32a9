package io.matrixone.emulator.conformance;

import java.util.List;

/** What the server answered to one statement. */
public sealed interface Outcome {

    /** An OK packet: no result set. */
    record Ok() implements Outcome {
    }

    /** An error packet. */
    record Failure(int code, String message) implements Outcome {
    }

    /** A result set; a row value is {@code null} for SQL NULL. */
    record Rows(List<String> labels, List<List<String>> rows) implements Outcome {
        public Rows {
            labels = List.copyOf(labels);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        }
    }

    /** No answer within the time limit, or the connection broke: the session is reopened. */
    record Lost(String reason) implements Outcome {
    }
}
