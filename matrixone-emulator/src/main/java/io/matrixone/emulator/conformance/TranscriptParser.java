package io.matrixone.emulator.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a transcript in MatrixOne's mo-tester format. Lines are trimmed; a line starting with {@code --},
 * {@code //} or {@code #} is a comment and may carry a directive for the statement being read; a statement ends
 * with the line whose last {@code ;} (before an inline {@code --} comment) is outside string literals.
 */
public final class TranscriptParser {
    private static final Pattern REGEX_DIRECTIVE = Pattern.compile("\\(\\s*([\"'])(.*)\\1\\s*,\\s*(true|false)\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private TranscriptParser() {
    }

    public static Transcript parse(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String name = dot > 0 ? fileName.substring(0, dot) : fileName;
        return parse(file, name, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static Transcript parse(Path file, String name, List<String> lines) {
        List<Step> steps = new ArrayList<>();
        Pending next = new Pending();
        Connection conn = new Connection();
        String issue = null;
        boolean compareMetaForFile = true;
        StringBuilder sql = new StringBuilder();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.trim();
            if (line.isEmpty() || isComment(line)) {
                if (line.startsWith("-- @skip:issue#")) {
                    return new Transcript(file, name, List.of(), true);
                }
                if (line.contains("@metacmp")) {
                    Boolean v = metacmp(line);
                    if (v != null && line.startsWith("---")) {
                        compareMetaForFile = v;
                    } else if (v != null) {
                        next.compareMeta = v;
                    }
                } else if (line.startsWith("-- @bvt:issue#")) {
                    issue = line.substring("-- @bvt:issue#".length());
                } else if (line.equalsIgnoreCase("-- @bvt:issue")) {
                    issue = null;
                } else if (line.startsWith("-- @session:")) {
                    conn = Connection.parse(line.substring("-- @session:".length()));
                } else if (line.equalsIgnoreCase("-- @session") || line.equalsIgnoreCase("-- @session}")) {
                    conn = new Connection();
                } else if (line.startsWith("-- @ignore:")) {
                    next.ignored.addAll(numbers(line.substring("-- @ignore:".length())));
                } else if (line.startsWith("-- @sortkey:")) {
                    next.sortKeys.addAll(numbers(line.substring("-- @sortkey:".length())));
                } else if (line.startsWith("-- @pattern")) {
                    next.pattern = true;
                } else if (line.startsWith("-- @regex")) {
                    Matcher m = REGEX_DIRECTIVE.matcher(line.substring("-- @regex".length()).trim());
                    if (m.matches()) {
                        next.regexes.add(new Step.Regex(m.group(2), Boolean.parseBoolean(m.group(3).toLowerCase())));
                    }
                } else if (line.startsWith("-- @sleep:")) {
                    next.sleep = parseIntOr(line.substring("-- @sleep:".length()).trim(), 0);
                }
                continue;
            }
            if (endsStatement(sql, line)) {
                sql.append(line);
                steps.add(new Step(sql.toString(), lineNo, conn.id, conn.user, conn.password, issue != null, next.ignored,
                        next.sortKeys, next.pattern, next.regexes, next.compareMeta == null ? compareMetaForFile
                        : next.compareMeta, next.sleep));
                sql.setLength(0);
                next = new Pending();
            } else {
                sql.append(line).append('\n');
            }
        }
        return new Transcript(file, name, steps, false);
    }

    private static boolean isComment(String line) {
        return line.startsWith("--") || line.startsWith("//") || line.startsWith("#");
    }

    /** Whether {@code line} ends the statement: its last ';' before a '--' comment lies outside quotes. */
    static boolean endsStatement(CharSequence before, String line) {
        Quotes q = new Quotes();
        q.scan(before, before.length());
        int semicolon = -1;
        Quotes at = q.copy();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!at.inside() && c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                break;
            }
            if (!at.inside() && c == ';') {
                semicolon = i;
            }
            i = at.step(line, i);
        }
        return semicolon >= 0;
    }

    /** Quote state while scanning SQL text: backslash escapes and doubled quotes inside literals. */
    private static final class Quotes {
        boolean single;
        boolean dbl;

        boolean inside() {
            return single || dbl;
        }

        Quotes copy() {
            Quotes q = new Quotes();
            q.single = single;
            q.dbl = dbl;
            return q;
        }

        void scan(CharSequence s, int end) {
            for (int i = 0; i < end; i++) {
                i = step(s, i);
            }
        }

        /** Advances over the character at {@code i}; returns the index of the last character consumed. */
        int step(CharSequence s, int i) {
            char c = s.charAt(i);
            if (c == '\\' && inside() && i + 1 < s.length()) {
                return i + 1;
            }
            if (c == '\'' && single && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                return i + 1;
            }
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            }
            return i;
        }
    }

    private static Boolean metacmp(String line) {
        int open = line.indexOf('(');
        int close = line.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return null;
        }
        String v = line.substring(open + 1, close).trim();
        return v.equalsIgnoreCase("true") ? Boolean.TRUE : v.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static List<Integer> numbers(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String p : csv.split(",")) {
            int n = parseIntOr(p.trim(), -1);
            if (n >= 0) {
                out.add(n);
            }
        }
        return out;
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Directives collected for the statement being read. */
    private static final class Pending {
        final List<Integer> ignored = new ArrayList<>();
        final List<Integer> sortKeys = new ArrayList<>();
        final List<Step.Regex> regexes = new ArrayList<>();
        boolean pattern;
        Boolean compareMeta;
        int sleep;
    }

    /** The connection a {@code -- @session:id=N&user=u&password=p{} block switches to; id 0 outside blocks. */
    private static final class Connection {
        int id;
        String user;
        String password;

        static Connection parse(String spec) {
            Connection c = new Connection();
            c.id = 1;
            String s = spec.endsWith("{") ? spec.substring(0, spec.length() - 1) : spec;
            for (String part : s.split("&")) {
                if (part.startsWith("id=")) {
                    c.id = parseIntOr(part.substring(3), 1);
                } else if (part.startsWith("user=") && part.length() > 5) {
                    c.user = part.substring(5);
                } else if (part.startsWith("password=") && part.length() > 9) {
                    c.password = part.substring(9);
                }
            }
            return c;
        }
    }
}
