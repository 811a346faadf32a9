package io.matrixone.emulator.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * View definitions as snapshots keep them. MariaDB's definition text ({@link Db#viewDefinition}) is canonical
 * (every name back-quoted, tables as {@code `db`.`t`}, columns as {@code `db`.`t`.`c`}), which makes it safe to
 * move a view to another namespace and to read it as of a snapshot by renaming its tables.
 */
final class Views {
    /** A run of back-quoted names joined by dots: {@code `a`}, {@code `a`.`b`}, {@code `a`.`b`.`c`}. */
    private static final Pattern NAMES = Pattern.compile("`(?:[^`]|``)+`(?:\\.`(?:[^`]|``)+`){0,2}");
    private static final Pattern PART = Pattern.compile("`((?:[^`]|``)+)`");
    private static final Pattern HEAD = Pattern.compile("^CREATE (?:ALGORITHM=\\w+ )?(?:DEFINER=\\S+ )?(?:SQL SECURITY \\w+ )?VIEW ");

    private Views() {
    }

    /**
     * A view definition without ALGORITHM, DEFINER and SQL SECURITY (the restoring user may not be the definer)
     * and with database names as {@code ns} knows them.
     */
    static String portable(String showCreateView, Namespace ns) {
        return ns.unmap(HEAD.matcher(showCreateView).replaceFirst("CREATE VIEW "));
    }

    /** The statement that creates the view {@code view} in MariaDB schema {@code physicalDb} of namespace {@code target}. */
    static String definitionIn(String portable, String physicalDb, String view, Namespace target) {
        return "CREATE VIEW " + Sql.id(physicalDb, view) + " AS " + NameRewriter.rewrite(select(portable), target);
    }

    /** The SELECT of a portable definition. */
    static String select(String portable) {
        Matcher head = Pattern.compile("^CREATE VIEW (?:`(?:[^`]|``)+`\\.)?`(?:[^`]|``)+` AS ").matcher(portable);
        return head.find() ? portable.substring(head.end()) : portable;
    }

    /** What stands for table {@code `db`.`t`} in a view's SELECT. */
    interface TableText {
        /**
         * @param aliased whether the view names the table with an alias of its own (a derived table needs one)
         * @return a copy's name, a parenthesised SELECT with an alias for a nested view, or {@code null} to keep it
         */
        String of(String db, String table, boolean aliased);
    }

    /**
     * The view's SELECT with its tables replaced. Column references lose their database part, so they keep
     * resolving through the table's own name.
     */
    static String rewriteTables(String select, List<String> databases, TableText table) {
        Matcher m = NAMES.matcher(select);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> parts = PART.matcher(m.group()).results().map(r -> r.group(1).replace("``", "`")).toList();
            String replacement = m.group();
            if (parts.size() == 3 && databases.contains(parts.get(0))) {
                replacement = Sql.id(parts.get(1)) + "." + Sql.id(parts.get(2));
            } else if (parts.size() == 2 && databases.contains(parts.get(0))) {
                boolean aliased = select.substring(m.end()).matches("(?s)^\\s+`.*");
                String t = table.of(parts.get(0), parts.get(1), aliased);
                if (t != null) {
                    replacement = t;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
