package io.matrixone.emulator.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which statements are "MatrixOne-feature statements": those whose verb or object exists only in MatrixOne.
 * Deliberately independent of the emulator's own recogniser, so that a recogniser bug cannot hide here.
 *
 * <p>The definition (also printed in {@code docs/fidelity.md}), on the statement with comments removed, string
 * literals emptied and whitespace collapsed, case-insensitively; the first rule that applies names the feature:
 * <ol>
 *   <li>restore: {@code RESTORE ...}</li>
 *   <li>clone: {@code CREATE DATABASE|SCHEMA ... CLONE ...}, {@code CREATE [TEMPORARY] TABLE ... CLONE ...}</li>
 *   <li>branch: {@code DATA BRANCH ...}</li>
 *   <li>snapshot: {@code CREATE|DROP SNAPSHOT}, {@code SHOW SNAPSHOTS}</li>
 *   <li>pitr: {@code CREATE|ALTER|DROP PITR}, {@code SHOW PITR}, {@code SHOW RECOVERY_WINDOW}</li>
 *   <li>pubsub: {@code CREATE|ALTER|DROP PUBLICATION}, {@code SHOW PUBLICATIONS|SUBSCRIPTIONS},
 *       {@code SHOW CREATE PUBLICATION}, {@code SHOW PUBLICATION COVERAGE},
 *       {@code CREATE DATABASE|TABLE ... FROM acc PUBLICATION p}</li>
 *   <li>account: {@code CREATE|ALTER|DROP ACCOUNT}, {@code SHOW ACCOUNTS}</li>
 *   <li>mo_ctl: any statement calling {@code mo_ctl(...)}</li>
 *   <li>time-travel: any statement with a {@code {SNAPSHOT = ...}}, {@code {MO_TS = ...}}, {@code {TIMESTAMP = ...}}
 *       or {@code {AS OF TIMESTAMP ...}} table hint</li>
 *   <li>catalog: any statement reading {@code mo_catalog.mo_snapshots|mo_pitr|mo_pubs|mo_subs|mo_account}</li>
 * </ol>
 */
public final class FeatureClassifier {

    /** A feature and the rule that recognises it. */
    private record Rule(String feature, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule("restore", "^restore\\b"),
            rule("clone", "^create (database|schema) .*\\bclone\\b|^create (temporary )?table .*\\bclone\\b"),
            rule("branch", "^data branch\\b"),
            rule("snapshot", "^(create|drop) snapshot\\b|^show snapshots\\b"),
            rule("pitr", "^(create|alter|drop) pitr\\b|^show (pitr|recovery_window)\\b"),
            rule("pubsub", "^(create|alter|drop) publication\\b|^show (publications|subscriptions|create publication"
                    + "|publication coverage)\\b|^create (database|schema|table) .*\\bfrom (\\S+ )?\\S+ publication\\b"),
            rule("account", "^(create|alter|drop) account\\b|^show accounts\\b"),
            rule("mo_ctl", "\\bmo_ctl\\("),
            rule("time-travel", "\\{(snapshot|mo_ts|timestamp)=|\\{as of timestamp\\b"),
            rule("catalog", "\\bmo_catalog\\.(mo_snapshots|mo_pitr|mo_pubs|mo_subs|mo_account)\\b"));

    /** Every feature name, in rule order. */
    public static final List<String> FEATURES = RULES.stream().map(Rule::feature).toList();

    private FeatureClassifier() {
    }

    private static Rule rule(String feature, String regex) {
        return new Rule(feature, Pattern.compile(regex));
    }

    /** The feature a statement exercises, or empty for an ordinary statement. */
    public static Optional<String> feature(String sql) {
        String s = normalize(sql);
        for (Rule r : RULES) {
            if (r.pattern().matcher(s).find()) {
                return Optional.of(r.feature());
            }
        }
        return Optional.empty();
    }

    /** Comments and back-quotes removed, string literals emptied, whitespace collapsed, lower case. */
    static String normalize(String sql) {
        StringBuilder out = new StringBuilder();
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && sql.charAt(j) != c) {
                    j += sql.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = Math.min(j, n);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                out.append(' ');
            } else {
                out.append(Character.isWhitespace(c) ? ' ' : c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT).replace("`", "").replaceAll(" *([.,(){}=]) *", "$1")
                .replaceAll(" +", " ").trim();
    }
}
