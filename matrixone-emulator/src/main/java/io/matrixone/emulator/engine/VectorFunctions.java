package io.matrixone.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MatrixOne's vector functions on MariaDB, which has no vector type (10.11): a vector is stored as its text
 * ({@code [1, 2.5]}, a JSON array) and the functions are stored functions in the emulator's schema that read it with
 * {@code JSON_TABLE}: {@code l2_distance}, {@code l2_distance_sq}, {@code cosine_distance}, {@code cosine_similarity},
 * {@code inner_product} (negated, as MatrixOne returns it), {@code l2_norm}, {@code vector_dims},
 * {@code normalize_l2}. Client SQL calls them unqualified; {@link #rewrite} qualifies the calls, turns
 * {@code CAST(x AS VECF32(n))} into the checked conversion, and removes MatrixOne's {@code BY RANK WITH OPTION}
 * clause after checking its mode against the target version (MariaDB's plan is always an exact scan).
 *
 * <p>Results follow MatrixOne 4.2.0 on the same input: elements are read as float32 ({@code vecf32}, which is also
 * what a string literal becomes), sums are taken in double and the result rounded to float32, so a distance prints
 * as {@code 3.3674917221069336}; MatrixOne's SIMD float32 sums may differ in the last bit. A vector written to a
 * {@code vecf32}/{@code vecf64} column is checked (well-formed, the column's dimension) and stored in MatrixOne's text
 * form (Go's shortest {@code 'f'} formatting: {@code [0.12345679, 0.0000001, 1]}) by {@code mo_vec_in}, which the
 * column's triggers call (see {@link VectorDdl}).
 *
 * <p>Distance functions keep the last second argument of each connection in a MEMORY table ({@code vec_arg}), so a
 * search against one query vector parses it once instead of once per row and joins on the element index.
 */
final class VectorFunctions {
    /** Where the functions live: the emulator's hidden schema, which every account may use but none sees. */
    static final String SCHEMA = Catalog.META_SCHEMA;

    private static final Set<String> FUNCTIONS = Set.of("L2_DISTANCE", "L2_DISTANCE_SQ", "COSINE_DISTANCE",
            "COSINE_SIMILARITY", "INNER_PRODUCT", "L2_NORM", "VECTOR_DIMS", "NORMALIZE_L2");

    private final TargetVersion version;

    VectorFunctions(TargetVersion version) {
        this.version = version;
    }

    // ------------------------------------------------------------------------------------------ install

    /** One element of a vector, as MatrixOne prints it: Go's shortest round-trip digits, never an exponent. */
    private static String plain(String expr) {
        return "IF(" + expr + " LIKE '%e%' AND ABS(CAST(" + expr + " AS DOUBLE)) < 1e35 AND ABS(CAST(" + expr
                + " AS DOUBLE)) >= 1e-30, TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(CAST(" + expr
                + " AS DOUBLE) AS DECIMAL(65,30)))), " + expr + ")";
    }

    /**
     * A subquery formatting the float32 value {@code d} (a double holding a float32): the shortest decimal of 1 to 9
     * significant digits that reads back as the same float32.
     */
    private static String float32Text(String d) {
        String rounded = "ROUND(" + d + ", q.seq - 1 - FLOOR(LOG10(ABS(" + d + "))))";
        return "(SELECT IF(" + d + " = 0, '0', " + plain("CAST(" + rounded + " AS CHAR)") + ") FROM mysql.seq_1_to_9 q "
                + "WHERE " + d + " = 0 OR CAST(" + rounded + " AS FLOAT) = " + d + " ORDER BY q.seq LIMIT 1)";
    }

    /** The MariaDB statements that define the functions; idempotent. */
    static List<String> installStatements() {
        String s = SCHEMA;
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE IF NOT EXISTS `" + s + "`.vec_arg (conn BIGINT UNSIGNED NOT NULL, i INT NOT NULL, "
                + "f DOUBLE, d DOUBLE, PRIMARY KEY (conn, i)) ENGINE=MEMORY");
        // the text of a well-formed vector, or an error as MatrixOne words it (echoing the input)
        out.add("""
                CREATE OR REPLACE FUNCTION `%1$s`.mo_vec_dim(v LONGTEXT) RETURNS INT DETERMINISTIC
                BEGIN
                  DECLARE msg VARCHAR(512);
                  IF v IS NULL THEN RETURN NULL; END IF;
                  IF NOT JSON_VALID(v) OR JSON_TYPE(v) <> 'ARRAY' OR EXISTS (SELECT 1 FROM JSON_TABLE(v, '$[*]'
                      COLUMNS (j JSON PATH '$')) x WHERE j IS NULL OR LEFT(j, 1) IN ('"', '[', '{')
                      OR j IN ('true', 'false', 'null')) THEN
                    SET msg = CONCAT('internal error: malformed vector input: ', LEFT(v, 400));
                    SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101, MESSAGE_TEXT = msg;
                  END IF;
                  RETURN JSON_LENGTH(v);
                END""".formatted(s));
        // MatrixOne's text of a valid vector: float32 or float64 elements, ", " between them
        out.add(("""
                CREATE OR REPLACE FUNCTION `%1$s`.mo_vec_fmt(v LONGTEXT, bits INT) RETURNS LONGTEXT CHARSET utf8mb4
                DETERMINISTIC
                BEGIN
                  IF v IS NULL THEN RETURN NULL; END IF;
                  IF bits = 64 THEN
                    RETURN (SELECT CONCAT('[', IFNULL(GROUP_CONCAT(%2$s ORDER BY i SEPARATOR ', '), ''), ']')
                      FROM JSON_TABLE(v, '$[*]' COLUMNS (i FOR ORDINALITY, d DOUBLE PATH '$')) x);
                  END IF;
                  RETURN (SELECT CONCAT('[', IFNULL(GROUP_CONCAT(s ORDER BY i SEPARATOR ', '), ''), ']') FROM
                    (SELECT i, %3$s AS s FROM (SELECT i, f + 0e0 AS d FROM JSON_TABLE(v, '$[*]'
                      COLUMNS (i FOR ORDINALITY, f FLOAT PATH '$')) jt) x) y);
                END""").formatted(s, plain("CAST(d AS CHAR)"), float32Text("d")));
        // what a vector column accepts (its triggers call this): checked, then in MatrixOne's text form
        out.add("""
                CREATE OR REPLACE FUNCTION `%1$s`.mo_vec_in(v LONGTEXT, bits INT, dim INT) RETURNS LONGTEXT
                CHARSET utf8mb4 DETERMINISTIC
                BEGIN
                  DECLARE n INT;
                  DECLARE msg VARCHAR(512);
                  IF v IS NULL THEN RETURN NULL; END IF;
                  SET n = `%1$s`.mo_vec_dim(v);
                  IF n <> dim THEN
                    SET msg = CONCAT('invalid input: expected vector dimension ', dim, ' != actual dimension ', n, '.');
                    SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20301, MESSAGE_TEXT = msg;
                  END IF;
                  RETURN `%1$s`.mo_vec_fmt(v, bits);
                END""".formatted(s));
        out.add(distance("l2_distance", "SQRT(SUM(POW(x.f - c.f, 2)))").replace("RETURN CAST(r AS FLOAT) + 0e0;",
                "RETURN r;")); // 4.2.0 takes this square root in float64: sqrt(5) prints 2.23606797749979
        out.add(distance("l2_distance_sq", "SUM(POW(x.f - c.f, 2))"));
        out.add(distance("inner_product", "-SUM(x.f * c.f)"));
        out.add(distance("cosine_similarity",
                "SUM(x.f * c.f) / NULLIF(SQRT(SUM(x.f * x.f)) * SQRT(SUM(c.f * c.f)), 0)"));
        out.add(distance("cosine_distance",
                "1 - SUM(x.f * c.f) / NULLIF(SQRT(SUM(x.f * x.f)) * SQRT(SUM(c.f * c.f)), 0)"));
        out.add("""
                CREATE OR REPLACE FUNCTION `%1$s`.l2_norm(a LONGTEXT) RETURNS DOUBLE DETERMINISTIC
                BEGIN
                  IF a IS NULL THEN RETURN NULL; END IF;
                  IF `%1$s`.mo_vec_dim(a) = 0 THEN RETURN 0; END IF;
                  RETURN (SELECT CAST(SQRT(SUM(f * f)) AS FLOAT) + 0e0 FROM JSON_TABLE(a, '$[*]'
                    COLUMNS (f FLOAT PATH '$')) x);
                END""".formatted(s));
        out.add("""
                CREATE OR REPLACE FUNCTION `%1$s`.vector_dims(a LONGTEXT) RETURNS BIGINT DETERMINISTIC
                RETURN `%1$s`.mo_vec_dim(a)""".formatted(s));
        out.add(("""
                CREATE OR REPLACE FUNCTION `%1$s`.normalize_l2(a LONGTEXT) RETURNS LONGTEXT CHARSET utf8mb4 DETERMINISTIC
                BEGIN
                  DECLARE n DOUBLE;
                  IF a IS NULL THEN RETURN NULL; END IF;
                  IF `%1$s`.mo_vec_dim(a) = 0 THEN RETURN '[]'; END IF;
                  SET n = (SELECT SQRT(SUM(f * f)) FROM JSON_TABLE(a, '$[*]' COLUMNS (f FLOAT PATH '$')) x);
                  IF n = 0 THEN RETURN `%1$s`.mo_vec_fmt(a, 32); END IF;
                  RETURN (SELECT CONCAT('[', GROUP_CONCAT(s ORDER BY i SEPARATOR ', '), ']') FROM
                    (SELECT i, %2$s AS s FROM (SELECT i, CAST((f + 0e0) / n AS FLOAT) + 0e0 AS d FROM JSON_TABLE(a, '$[*]'
                      COLUMNS (i FOR ORDINALITY, f FLOAT PATH '$')) jt) x) y);
                END""").formatted(s, float32Text("d")));
        return out;
    }

    /**
     * A two-vector function: {@code aggregate} over {@code x} (the first vector's elements) joined with {@code c}
     * (the second's, cached per connection), as float32; NULL in, NULL out; unequal dimensions refused as MatrixOne
     * refuses them.
     */
    private static String distance(String name, String aggregate) {
        return """
                CREATE OR REPLACE FUNCTION `%1$s`.%2$s(a LONGTEXT, b LONGTEXT) RETURNS DOUBLE DETERMINISTIC
                BEGIN
                  DECLARE r DOUBLE;
                  DECLARE na INT;
                  IF a IS NULL OR b IS NULL THEN RETURN NULL; END IF;
                  IF @__mo_vec_arg IS NULL OR @__mo_vec_arg <> b OR @__mo_vec_conn IS NULL THEN
                    SET na = `%1$s`.mo_vec_dim(b);
                    DELETE FROM `%1$s`.vec_arg WHERE conn = CONNECTION_ID();
                    INSERT INTO `%1$s`.vec_arg SELECT CONNECTION_ID(), i, f + 0e0, d
                      FROM JSON_TABLE(b, '$[*]' COLUMNS (i FOR ORDINALITY, f FLOAT PATH '$', d DOUBLE PATH '$')) y;
                    SET @__mo_vec_arg = b, @__mo_vec_conn = CONNECTION_ID(), @__mo_vec_n = na;
                  END IF;
                  SET na = JSON_LENGTH(a);
                  IF na IS NULL THEN SET na = `%1$s`.mo_vec_dim(a); END IF;
                  IF na <> @__mo_vec_n THEN
                    SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101, MESSAGE_TEXT = 'internal error: vector dimension not matched';
                  END IF;
                  IF na = 0 THEN RETURN 0; END IF;
                  SELECT %3$s INTO r FROM JSON_TABLE(a, '$[*]' COLUMNS (i FOR ORDINALITY, f FLOAT PATH '$')) x
                    JOIN `%1$s`.vec_arg c ON c.conn = CONNECTION_ID() AND c.i = x.i;
                  IF r IS NULL THEN -- only a cosine of a zero vector has no value
                    SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101,
                      MESSAGE_TEXT = 'internal error: cosine similarity zero denominator';
                  END IF;
                  RETURN CAST(r AS FLOAT) + 0e0;
                END""".formatted(SCHEMA, name, aggregate);
    }

    // ------------------------------------------------------------------------------------------ rewriting

    /** A cheap test before {@link #rewrite}: whether the text may use a vector function, cast or rank option. */
    static boolean mayRewrite(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("distance") || lower.contains("inner_product") || lower.contains("cosine_similarity")
                || lower.contains("l2_norm") || lower.contains("vector_dims") || lower.contains("normalize_l2")
                || lower.contains("vecf") || lower.contains("rank") || lower.contains("against");
    }

    /** The SQL with the vector functions qualified, vector casts checked and {@code BY RANK WITH OPTION} removed. */
    String rewrite(String sql, List<Token> tokens) {
        String filtered = matchInSelectListFilters(sql, tokens);
        if (filtered != sql) {
            sql = filtered;
            tokens = SqlLexer.tokenize(filtered);
        }
        StringBuilder out = null;
        int copied = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
            boolean call = next != null && next.isPunct("(") && (k == 0 || !tokens.get(k - 1).isPunct("."));
            if (t.kind() == Token.Kind.WORD && call && FUNCTIONS.contains(t.upper())) {
                out = out == null ? new StringBuilder(sql.length() + 32) : out;
                out.append(sql, copied, t.start()).append('`').append(SCHEMA).append("`.")
                        .append(t.value().toLowerCase(Locale.ROOT));
                copied = t.end();
            } else if (t.is("CAST") && call) {
                int close = matching(tokens, k + 1);
                // CAST(expr AS VECF32(n)): the last tokens before ')' are AS VECFnn ( n )
                if (close > k + 6 && tokens.get(close - 1).isPunct(")") && tokens.get(close - 3).isPunct("(")
                        && tokens.get(close - 2).kind() == Token.Kind.NUMBER && tokens.get(close - 5).is("AS")
                        && (tokens.get(close - 4).is("VECF32") || tokens.get(close - 4).is("VECF64"))) {
                    int bits = tokens.get(close - 4).is("VECF32") ? 32 : 64;
                    out = out == null ? new StringBuilder(sql.length() + 32) : out;
                    out.append(sql, copied, t.start()).append('`').append(SCHEMA).append("`.mo_vec_in(")
                            .append(rewrite(sql.substring(tokens.get(k + 2).start(), tokens.get(close - 5).start()),
                                    SqlLexer.tokenize(sql.substring(tokens.get(k + 2).start(), tokens.get(close - 5).start()))))
                            .append(", ").append(bits).append(", ").append(tokens.get(close - 2).value()).append(')');
                    copied = tokens.get(close).end();
                    k = close;
                }
            } else if (t.is("AGAINST") && next != null && next.isPunct("(")) {
                int close = matching(tokens, k + 1);
                String against = close < 0 ? null : naturalAsPhrase(sql, tokens, k + 2, close);
                if (against != null) {
                    out = out == null ? new StringBuilder(sql.length() + 32) : out;
                    out.append(sql, copied, next.end()).append(against);
                    copied = tokens.get(close).start();
                    k = close - 1;
                }
            } else if (t.is("BY") && next != null && next.is("RANK") && k + 3 < tokens.size() && tokens.get(k + 2).is("WITH")
                    && tokens.get(k + 3).is("OPTION")) {
                int end = k + 4;
                List<String> options = new ArrayList<>();
                while (end < tokens.size() && tokens.get(end).kind() == Token.Kind.STRING) {
                    options.add(tokens.get(end).value());
                    end++;
                    if (end < tokens.size() && tokens.get(end).isPunct(",")) {
                        end++;
                    } else {
                        break;
                    }
                }
                checkRankOptions(options);
                out = out == null ? new StringBuilder(sql.length()) : out;
                out.append(sql, copied, t.start());
                copied = tokens.get(end - 1).end();
                k = end - 1;
            }
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }

    private static final java.util.Set<String> CLAUSE_AFTER_WHERE = java.util.Set.of("GROUP", "HAVING", "ORDER", "LIMIT",
            "WINDOW", "FOR", "LOCK", "UNION", "INTO");

    /**
     * On MatrixOne a {@code MATCH ... AGAINST} in the select list of a SELECT filters the rows too (4.2.0: with no
     * WHERE, only the matching rows come back): MariaDB computes a score for every row, so the emulator adds the
     * MATCH to the WHERE clause when the WHERE has none. Only for a literal pattern (a bound one would need its
     * parameter twice).
     */
    static String matchInSelectListFilters(String sql, List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).is("SELECT")) {
            return sql;
        }
        int depth = 0;
        int from = -1;
        int where = -1;
        int clauseEnd = -1;
        int[] match = null;
        boolean matchInWhere = false;
        for (int k = 1; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.isPunct(";")) {
                return sql; // one statement only
            }
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            } else if (depth == 0 && from < 0 && t.is("FROM")) {
                from = k;
            } else if (depth == 0 && from < 0 && match == null && t.is("MATCH") && k + 1 < tokens.size()
                    && tokens.get(k + 1).isPunct("(")) {
                int close = matching(tokens, k + 1);
                if (close < 0 || close + 2 >= tokens.size() || !tokens.get(close + 1).is("AGAINST")) {
                    return sql;
                }
                int end = matching(tokens, close + 2);
                if (end < 0 || tokens.get(close + 3).kind() != Token.Kind.STRING) {
                    return sql;
                }
                match = new int[] {k, end};
            } else if (depth == 0 && from >= 0 && where < 0 && clauseEnd < 0 && t.is("WHERE")) {
                where = k;
            } else if (depth == 0 && from >= 0 && clauseEnd < 0 && t.kind() == Token.Kind.WORD
                    && CLAUSE_AFTER_WHERE.contains(t.upper())) {
                clauseEnd = k;
            }
            if (where >= 0 && clauseEnd < 0 && t.is("MATCH")) {
                matchInWhere = true;
            }
        }
        if (match == null || from < 0 || matchInWhere) {
            return sql;
        }
        String expr = sql.substring(tokens.get(match[0]).start(), tokens.get(match[1]).end());
        int endPos = clauseEnd < 0 ? sql.length() : tokens.get(clauseEnd).start();
        if (where >= 0) {
            int after = tokens.get(where).end();
            return sql.substring(0, after) + " " + expr + " AND (" + sql.substring(after, endPos).trim() + ") "
                    + sql.substring(endPos);
        }
        String head = sql.substring(0, endPos).stripTrailing();
        return head + " WHERE " + expr + (endPos < sql.length() ? " " + sql.substring(endPos) : "");
    }

    /**
     * MatrixOne's natural-language mode finds the words as a phrase (4.2.0: {@code 'quick brown'} matches "the quick
     * brown fox", {@code 'quick fox'} and {@code 'fox quick'} match nothing), where MariaDB's finds any of them: the
     * pattern becomes a boolean-mode phrase. Returns the new argument list, or {@code null} to leave it (boolean
     * mode, query expansion, an expression).
     */
    private static String naturalAsPhrase(String sql, List<Token> tokens, int from, int close) {
        if (close - from == 4 && tokens.get(from).kind() == Token.Kind.STRING && tokens.get(from + 1).is("IN")
                && tokens.get(from + 2).is("BOOLEAN") && tokens.get(from + 3).is("MODE")) {
            String pattern = tokens.get(from).value();
            String normalised = booleanPattern(pattern);
            return normalised.equals(pattern) ? null : Sql.str(normalised) + " IN BOOLEAN MODE";
        }
        int end = close;
        if (close - from == 5 && tokens.get(from + 1).is("IN") && tokens.get(from + 2).is("NATURAL")
                && tokens.get(from + 3).is("LANGUAGE") && tokens.get(from + 4).is("MODE")) {
            end = from + 1;
        }
        if (end != from + 1) {
            return null;
        }
        Token pattern = tokens.get(from);
        if (pattern.kind() == Token.Kind.STRING) {
            return Sql.str("\"" + pattern.value().replace("\"", " ") + "\"") + " IN BOOLEAN MODE";
        }
        if (pattern.kind() == Token.Kind.PARAM) {
            return "CONCAT('\"', REPLACE(?, '\"', ' '), '\"') IN BOOLEAN MODE";
        }
        return null;
    }

    /**
     * A boolean-mode pattern as InnoDB must see it to answer as MatrixOne does: with a required ({@code +}) term, a
     * bare group {@code (a b)} is required too on MatrixOne 4.2.0 ({@code +quick (lazy dog)} finds quick rows with
     * lazy or dog only) where InnoDB takes it as optional, so it gets a {@code +}; an operator inside a word
     * ({@code c++}) is a syntax error on InnoDB and becomes a space.
     */
    static String booleanPattern(String pattern) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth = Math.max(0, depth - 1);
            }
            boolean inWord = i > 0 && Character.isLetterOrDigit(pattern.charAt(i - 1));
            if (!quoted && (ch == '+' || ch == '-') && inWord) {
                ch = ' ';
            }
            if (!quoted && depth == 0 && Character.isWhitespace(ch)) {
                if (cur.length() > 0) {
                    parts.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0) {
            parts.add(cur.toString());
        }
        boolean required = parts.stream().anyMatch(p -> p.startsWith("+"));
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (required && p.startsWith("(")) {
                kept.add("+" + p); // with a required word MatrixOne requires a bare group too (4.2.0, measured)
            } else if (!p.matches("[-+~<>*]+")) { // c++: no dangling operator
                kept.add(p);
            }
        }
        String out = String.join(" ", kept);
        return out.equals(String.join(" ", parts)) && out.equals(pattern.trim()) ? pattern : out;
    }

    /** MariaDB's error for a MATCH without a FULLTEXT index of exactly those columns, as MatrixOne words it. */
    static Reply.Error word(Reply.Error error) {
        if (error.code() != 1191) {
            return null;
        }
        return new Reply.Error(20105, "HY000", "not supported: MATCH() AGAINST() function cannot be replaced by "
                + "FULLTEXT INDEX and full table scan with fulltext search is not supported yet.");
    }

    /** MatrixOne's {@code parseRankOption}: {@code mode} must be one the version knows; other keys are ignored. */
    private void checkRankOptions(List<String> options) {
        if (version.compareTo(TargetVersion.parse("3.0.5")) < 0) {
            throw MoException.parseError("You have an error in your SQL syntax; check the manual that corresponds to "
                    + "your MatrixOne server version for the right syntax to use. syntax error near \"by rank\"");
        }
        List<String> modes = new ArrayList<>(List.of("pre", "post", "force"));
        if (version.compareTo(TargetVersion.parse("4.0.0-rc1")) >= 0) {
            modes.add("auto");
        }
        if (version.compareTo(TargetVersion.parse("4.2.0")) >= 0) {
            modes.add("include");
        }
        for (String option : options) {
            String[] kv = option.split("=");
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("mode")) {
                String mode = kv[1].trim();
                if (!modes.contains(mode.toLowerCase(Locale.ROOT))) {
                    String list = modes.size() == 3 ? "'pre', 'post', or 'force'" : modes.size() == 4
                            ? "'pre', 'post', 'force', or 'auto'" : "'pre', 'post', 'force', 'auto', or 'include'";
                    throw MoException.invalidInput("mode must be " + list + ", got '" + kv[1].trim() + "'");
                }
            }
        }
    }

    /** The index of the {@code )} that closes the {@code (} at {@code open}, or -1. */
    static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isPunct("(")) {
                depth++;
            } else if (tokens.get(i).isPunct(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
