package io.matrixone.emulator.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@code .result} file into the expected answer of each statement, as mo-tester does: the file repeats each
 * statement's text followed by its answer (nothing for OK, the error message, or a result table), so the answer of
 * statement k is the text between the end of statement k and the start of statement k+1.
 */
public final class ResultFile {
    private ResultFile() {
    }

    /**
     * @return one expected text per step ({@code ""} for "no result"), or {@code null} for a step whose text was
     *         not found where expected (the file is out of step with the transcript from there on)
     */
    public static List<String> expectations(String resultText, List<Step> steps) {
        String text = resultText.replace("\r\n", "\n");
        int n = steps.size();
        // where each statement starts; -1 from the first one that is not found in order
        int[] at = new int[n + 1];
        int pos = 0;
        for (int k = 0; k < n; k++) {
            at[k] = pos < 0 ? -1 : text.indexOf(steps.get(k).sql(), pos);
            pos = at[k] < 0 ? -1 : at[k] + steps.get(k).sql().length();
        }
        at[n] = text.length();
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int start = at[k] < 0 ? -1 : at[k] + steps.get(k).sql().length();
            out.add(start < 0 || at[k + 1] < 0 ? null : clean(text.substring(start, at[k + 1])));
        }
        return out;
    }

    /** Drops the newline after the statement and before the next one, and mo-tester's {@code -- @regex} lines. */
    private static String clean(String answer) {
        String s = answer;
        if (s.startsWith("\n")) {
            s = s.substring(1);
        }
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> kept = new ArrayList<>();
        for (String l : s.split("\n", -1)) {
            if (!l.trim().startsWith("-- @regex")) {
                kept.add(l);
            }
        }
        return String.join("\n", kept);
    }
}
