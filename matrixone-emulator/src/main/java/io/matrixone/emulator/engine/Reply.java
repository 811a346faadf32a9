package io.matrixone.emulator.engine;

import java.util.List;
import java.util.Objects;

/** What the statement engine decides for one client statement. */
public sealed interface Reply {

    /** Send this SQL (the original or a rewrite) to the backend and relay its answer unchanged. */
    record Forward(String sql) implements Reply {
        public Forward {
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** Answer with this result set, in MatrixOne's shape; rows hold text values, {@code null} for SQL NULL. */
    record ResultSet(List<Column> columns, List<List<String>> rows) implements Reply {
        public ResultSet {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " values for " + columns.size() + " columns");
                }
            }
        }
    }

    /**
     * The engine prepares this MatrixOne-only statement itself (COM_STMT_PREPARE): no parameters, these result columns
     * (none for a statement answered by OK); each COM_STMT_EXECUTE runs it as {@code onQuery} would.
     */
    record Prepared(List<Column> columns) implements Reply {
        public Prepared {
            columns = List.copyOf(columns);
        }
    }

    /** Answer with an OK packet. */
    record Ok(long affectedRows, String info) implements Reply {
        public static final Ok EMPTY = new Ok(0, "");
    }

    /** Answer with an error packet, as MatrixOne would send it. */
    record Error(int code, String sqlState, String message) implements Reply {
        public Error {
            Objects.requireNonNull(sqlState, "sqlState");
            Objects.requireNonNull(message, "message");
        }

        /** MatrixOne's catch-all internal error: code 20101, SQLSTATE HY000, message prefixed "internal error: ". */
        public static Error internal(String message) {
            return new Error(20101, "HY000", "internal error: " + message);
        }
    }
}
