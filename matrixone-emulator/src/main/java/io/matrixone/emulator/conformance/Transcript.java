package io.matrixone.emulator.conformance;

import java.nio.file.Path;
import java.util.List;

/**
 * A MatrixOne SQL test transcript: the statements of a {@code .sql} (or {@code .test}) file.
 *
 * @param file      the transcript
 * @param name      its name without extension: mo-tester creates and uses a database of this name
 * @param steps     the statements in order
 * @param skipped   the file carries {@code -- @skip:issue#N} and is not run at all
 */
public record Transcript(Path file, String name, List<Step> steps, boolean skipped) {
    public Transcript {
        steps = List.copyOf(steps);
    }

    /** The matching {@code .result} file next to the transcript. */
    public Path resultFile() {
        return file.resolveSibling(name + ".result");
    }
}
