package io.matrixone.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code SELECT mo_ctl(service, command, parameter)}: one varchar cell holding pretty-printed
 * JSON {@code {"method": ..., "result": ...}} (mo_sql.md §8). {@code INSPECT} answers a JSON document of its own
 * (MatrixOne 4.2.0: {@code {"version": 1, "database": ..., "objects": [...]}}): then {@link #method()} is null and
 * {@link #result()} is the whole document. A few answers are plain text ({@code MERGEOBJECTS}); then
 * {@link #isJson()} is false, {@link #method()} and {@link #result()} are null, and the text is in {@link #raw()}.
 *
 * @param raw    the cell exactly as the server sent it
 * @param method the method the server ran, in its own spelling ({@code Flush}, {@code Checkpoint}); null for text
 *               and for a JSON answer without the envelope
 * @param result the parsed {@code result} member: {@code Map<String, Object>}, {@code List<Object>},
 *               {@code String}, {@code Number}, {@code Boolean} or null
 */
public record MoCtlResult(String raw, String method, Object result) {

    public MoCtlResult {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * Reads the cell: the envelope when it is a JSON object with a {@code method} member, the whole document for
     * another JSON object, plain text otherwise. Malformed JSON is kept as text rather than failing: the command has
     * already run.
     */
    public static MoCtlResult parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String t = raw.strip();
        if (t.startsWith("{")) {
            try {
                if (Json.parse(t) instanceof Map<?, ?> m) {
                    return m.get("method") instanceof String method
                            ? new MoCtlResult(raw, method, m.get("result"))
                            : new MoCtlResult(raw, null, m);
                }
            } catch (IllegalArgumentException notJson) {
                // plain text that happens to start with '{'
            }
        }
        return new MoCtlResult(raw, null, null);
    }

    /** Parses JSON text into Map / List / String / Number / Boolean / null; for callers with their own cells. */
    public static Object parseJson(String json) {
        return Json.parse(json);
    }

    /** Whether the server answered a JSON object (every command but a few, such as MERGEOBJECTS) rather than text. */
    public boolean isJson() {
        return method != null || result != null;
    }

    /**
     * The {@code returnStr} members of a list result, e.g. {@code ["OK"]} for flush and checkpoint;
     * empty when the result has another shape.
     */
    public List<String> returnStrings() {
        List<String> out = new ArrayList<>();
        if (result instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("returnStr") instanceof String s) {
                    out.add(s);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether every {@code returnStr} says {@code OK} (and there is at least one). */
    public boolean isOk() {
        List<String> r = returnStrings();
        return !r.isEmpty() && r.stream().allMatch("OK"::equalsIgnoreCase);
    }
}
