package io.matrixone.core.internal.error;

import io.matrixone.core.error.ObjectExistsException;
import io.matrixone.core.error.ObjectNotFoundException;
import io.matrixone.core.error.PublicationExistsException;
import io.matrixone.core.error.PublicationNotFoundException;
import io.matrixone.core.error.RedactedCause;
import io.matrixone.core.error.AccessDeniedException;
import io.matrixone.core.error.CommitStatusUnknownException;
import io.matrixone.core.error.ConnectionLostException;
import io.matrixone.core.error.DatabaseExistsException;
import io.matrixone.core.error.DuplicateKeyException;
import io.matrixone.core.error.MatrixOneException;
import io.matrixone.core.error.NotAllowedInTransactionException;
import io.matrixone.core.error.PitrExistsException;
import io.matrixone.core.error.PitrNotFoundException;
import io.matrixone.core.error.QueryInterruptedException;
import io.matrixone.core.error.SnapshotExistsException;
import io.matrixone.core.error.SnapshotNotFoundException;
import io.matrixone.core.error.SqlSyntaxException;
import io.matrixone.core.error.StatementNotAllowedException;
import io.matrixone.core.error.TableExistsException;
import io.matrixone.core.error.TransactionConflictException;
import io.matrixone.core.error.UnknownDatabaseException;
import io.matrixone.core.error.UnknownTableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTest {

    private static MatrixOneException classify(int code, String message) {
        return ErrorClassifier.classify(code, "HY000", message, "SELECT 1", null);
    }

    /** The server messages of mo_sql.md §11.2 (and the transaction messages of §10.2), with the type each must become. */
    static Stream<Arguments> serverErrors() {
        return Stream.of(
                Arguments.of(20101, "internal error: snapshot sp01 already exists", SnapshotExistsException.class),
                Arguments.of(20101, "internal error: snapshot snapshot_09 already exists", SnapshotExistsException.class),
                Arguments.of(20101, "internal error: snapshot sp01 does not exist", SnapshotNotFoundException.class),
                Arguments.of(20101, "internal error: find 0 snapshot records by name(sp10), expect only 1",
                        SnapshotNotFoundException.class),
                Arguments.of(20101, "internal error: pitr p1 already exists", PitrExistsException.class),
                Arguments.of(20101, "internal error: pitr pitr_missing does not exist", PitrNotFoundException.class),
                Arguments.of(20101, "internal error: account `sys` already has a pitr", PitrExistsException.class),
                Arguments.of(20101, "internal error: database `d1` table `t1` already has a pitr", PitrExistsException.class),
                Arguments.of(20101, "internal error: cluster level pitr already exists", PitrExistsException.class),
                Arguments.of(20101, "internal error: unclassified statement appears in uncommitted transaction",
                        NotAllowedInTransactionException.class),
                Arguments.of(20101, "internal error: administrative command is unsupported in transactions",
                        NotAllowedInTransactionException.class),
                Arguments.of(20101, "internal error: CREATE/DROP of database is not supported in transactions",
                        NotAllowedInTransactionException.class),
                Arguments.of(20101, "internal error: Only CREATE of DDL is supported in transactions",
                        NotAllowedInTransactionException.class),
                Arguments.of(20101, "internal error: DATA BRANCH MERGE/PICK is not supported in transactions",
                        NotAllowedInTransactionException.class),
                Arguments.of(20101, "internal error: savepoint has not been implemented yet. please rollback the transaction.",
                        NotAllowedInTransactionException.class),
                Arguments.of(20101, "internal error: do not have privilege to execute the statement",
                        AccessDeniedException.class),
                Arguments.of(20101, "internal error: Write conflicts detected. Previous transaction need to be aborted.",
                        TransactionConflictException.class),
                Arguments.of(20101, "internal error: feature SNAPSHOT with scope account has reached the limit of 8",
                        MatrixOneException.class),
                Arguments.of(20101, "internal error: only sys tenant can create tenant level snapshot for other tenant",
                        MatrixOneException.class),
                Arguments.of(1007, "database d1 already exists", DatabaseExistsException.class),
                Arguments.of(1049, "Unknown database d1", UnknownDatabaseException.class),
                Arguments.of(1050, "table t1 already exists", TableExistsException.class),
                Arguments.of(1146, "no such table d1.t1", UnknownTableException.class),
                Arguments.of(1064, "SQL parser error: table \"t3\" does not exist", UnknownTableException.class),
                Arguments.of(1062, "Duplicate entry '3' for key 'PRIMARY'", DuplicateKeyException.class),
                Arguments.of(1586, "Duplicate entry '3' for key 'email'", DuplicateKeyException.class),
                Arguments.of(1064, "SQL parser error: You have an error in your SQL syntax; check the manual that "
                        + "corresponds to your MatrixOne server version for the right syntax to use. syntax error at "
                        + "line 1 column 45 near \"snapshots\";", SqlSyntaxException.class),
                Arguments.of(1149, "SQL syntax error: column a is ambiguous", SqlSyntaxException.class),
                Arguments.of(20619, "w-w conflict", TransactionConflictException.class),
                Arguments.of(20628, "txn need retry in rc mode", TransactionConflictException.class),
                Arguments.of(20631, "txn need retry in rc mode, def changed", TransactionConflictException.class),
                Arguments.of(20701, "deadlock detected", TransactionConflictException.class),
                Arguments.of(20706, "lock options conflict, wait policy is fast fail", TransactionConflictException.class),
                Arguments.of(1205, "Lock wait timeout exceeded; try restarting transaction", TransactionConflictException.class),
                Arguments.of(1213, "Deadlock found when trying to get lock", TransactionConflictException.class),
                Arguments.of(20638, "txn commit status is unknown", CommitStatusUnknownException.class),
                Arguments.of(1317, "query interrupted", QueryInterruptedException.class),
                Arguments.of(3024, "Query execution was interrupted, maximum statement execution time exceeded",
                        QueryInterruptedException.class),
                Arguments.of(1045, "Access denied for user root. check password failed", AccessDeniedException.class),
                Arguments.of(1044, "Access denied for user to database d1", AccessDeniedException.class),
                Arguments.of(1142, "SELECT command denied to user", AccessDeniedException.class),
                Arguments.of(1227, "Access denied; you need the SUPER privilege", AccessDeniedException.class),
                Arguments.of(2013, "Lost connection to MySQL server during query", ConnectionLostException.class),
                Arguments.of(2006, "MySQL server has gone away", ConnectionLostException.class),
                Arguments.of(2068, "LOAD DATA LOCAL INFILE file request rejected due to restrictions on access",
                        StatementNotAllowedException.class),
                Arguments.of(1046, "No database selected", MatrixOneException.class),
                Arguments.of(20105, "not supported: transaction isolation level SERIALIZABLE is not supported",
                        MatrixOneException.class),
                Arguments.of(20301, "invalid input: bad name", MatrixOneException.class),
                Arguments.of(20203, "invalid argument timestamp, bad value x", MatrixOneException.class),
                Arguments.of(1568, "Transaction characteristics can't be changed while a transaction is in progress",
                        MatrixOneException.class),
                Arguments.of(1243, "Unknown prepared statement handler (3) given to EXECUTE", MatrixOneException.class),
                Arguments.of(13125, "packet too large", MatrixOneException.class),
                Arguments.of(1815, "internal error", MatrixOneException.class),
                // what a real MatrixOne 4.2.0 answered (docs/conformance.md)
                Arguments.of(1105, "context canceled", QueryInterruptedException.class),
                Arguments.of(20101, "internal error: there is no user nosuchuser", AccessDeniedException.class),
                Arguments.of(20101, "internal error: there is no tenant nosuchacc", AccessDeniedException.class),
                Arguments.of(1008, "Can't drop database 'x'; database doesn't exist", UnknownDatabaseException.class),
                Arguments.of(1064, "SQL parser error: table probe_tx-newt does not exist", UnknownTableException.class),
                Arguments.of(1062, "Duplicate entry '(0,p1)' for key '(account_id,pub_name)'",
                        PublicationExistsException.class),
                Arguments.of(20101, "internal error: publication 'p' does not exist", PublicationNotFoundException.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("serverErrors")
    void classifiesByErrorNumberAndMessage(int code, String message, Class<? extends MatrixOneException> type) {
        MatrixOneException e = classify(code, message);
        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.sqlState()).isEqualTo("HY000");
        assertThat(e.serverMessage()).isEqualTo(message);
    }

    @Test
    void objectExistenceTypesShareCommonParents() {
        assertThat(classify(20101, "internal error: snapshot s already exists")).isInstanceOf(ObjectExistsException.class);
        assertThat(classify(1050, "table t already exists")).isInstanceOf(ObjectExistsException.class);
        assertThat(classify(20101, "internal error: pitr p does not exist")).isInstanceOf(ObjectNotFoundException.class);
        assertThat(classify(1146, "no such table d.t")).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void doesNotMistakeAPitrNamedLikeASnapshotForASnapshot() {
        assertThat(classify(20101, "internal error: pitr snapshot_daily already exists")).isInstanceOf(PitrExistsException.class);
        assertThat(classify(20101, "internal error: pitr snapshot_daily does not exist")).isInstanceOf(PitrNotFoundException.class);
        assertThat(classify(20101, "internal error: snapshot pitr_backup does not exist"))
                .isInstanceOf(SnapshotNotFoundException.class);
    }

    @Test
    void ignoresSqlStateWhenTheNumberIsKnown() {
        assertThat(ErrorClassifier.classify(1062, "HY000", "Duplicate entry '1' for key 'PRIMARY'", null, null))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(ErrorClassifier.classify(1062, "23000", "Duplicate entry '1' for key 'PRIMARY'", null, null))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(ErrorClassifier.classify(1146, "42S02", "no such table", null, null)).isInstanceOf(UnknownTableException.class);
        assertThat(ErrorClassifier.classify(1146, null, "no such table", null, null)).isInstanceOf(UnknownTableException.class);
        // a 23000 without a known number is not guessed into a duplicate key
        assertThat(ErrorClassifier.classify(0, "23000", "constraint", null, null)).isExactlyInstanceOf(MatrixOneException.class);
        // a retry code keeps its meaning whatever the state says
        assertThat(ErrorClassifier.classify(20619, "08S01", "w-w conflict", null, null))
                .isInstanceOf(TransactionConflictException.class);
    }

    @Test
    void treatsADriverCommunicationFailureWithoutANumberAsALostConnection() {
        assertThat(ErrorClassifier.classify(0, "08S01", "Communications link failure", null, null))
                .isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void toleratesNullMessage() {
        MatrixOneException e = ErrorClassifier.classify(1062, null, null, null, null);
        assertThat(e).isInstanceOf(DuplicateKeyException.class);
        assertThat(e.serverMessage()).isEmpty();
        assertThat(e.sql()).isNull();
    }

    // ---- retry ----

    private static final Set<Integer> RETRYABLE =
            Set.of(20619, 20628, 20631, 20634, 20701, 20702, 20703, 20704, 20706, 20709, 20710, 1205, 1213);

    @Test
    void retriesExactlyMatrixOnesWholeTransactionCodes() {
        Set<Integer> found = new TreeSet<>();
        IntStream.rangeClosed(0, 70_000).filter(ErrorClassifier::isRetryableCode).forEach(found::add);
        assertThat(found).isEqualTo(new TreeSet<>(RETRYABLE));
    }

    @Test
    void neverRetriesCommitStatusUnknown() {
        assertThat(ErrorClassifier.isRetryableCode(20638)).isFalse();
        MatrixOneException e = classify(20638, "txn commit status is unknown");
        assertThat(e).isInstanceOf(CommitStatusUnknownException.class).isNotInstanceOf(TransactionConflictException.class);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void retryableCodesBecomeRetryableConflicts() {
        for (int code : RETRYABLE) {
            MatrixOneException e = classify(code, "whatever");
            assertThat(e).as("code %d", code).isInstanceOf(TransactionConflictException.class);
            assertThat(e.isRetryable()).as("code %d", code).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1062, 1064, 20101, 20638, 20705, 20707, 20708, 1317, 2013})
    void otherCodesAreNotRetryable(int code) {
        assertThat(ErrorClassifier.isRetryableCode(code)).isFalse();
        assertThat(classify(code, "something").isRetryable()).isFalse();
    }

    // ---- redaction ----

    @Test
    void redactsTheSqlItCarries() {
        MatrixOneException e = ErrorClassifier.classify(1064, "HY000", "SQL parser error: bad",
                "CREATE USER `bob` IDENTIFIED BY 'hunter2'", null);
        assertThat(e.sql()).isEqualTo("CREATE USER `bob` IDENTIFIED BY '***'");
        assertThat(e.getMessage()).doesNotContain("hunter2")
                .isEqualTo("SQL parser error: bad [error 1064, SQLSTATE HY000] in: CREATE USER `bob` IDENTIFIED BY '***'");
    }

    @Test
    void masksTheStatementAParseErrorQuotesWhenItHeldLiterals() {
        String sql = "CREATE ACCOUNT acc1 ADMIN_NAME 'root' IDENTIFIED BY 's3cr3t' OPEN NOW";
        String server = "SQL parser error: You have an error in your SQL syntax; check the manual that corresponds to "
                + "your MatrixOne server version for the right syntax to use. syntax error at line 1 column 66 near "
                + "\" IDENTIFIED BY 's3cr3t' OPEN NOW\";";
        MatrixOneException e = ErrorClassifier.classify(1064, "HY000", server, sql, null);
        assertThat(e).isInstanceOf(SqlSyntaxException.class);
        assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("line 1 column 66 near \"***\";");
        assertThat(e.serverMessage()).doesNotContain("s3cr3t");
    }

    @Test
    void masksTheStatementAMySqlStyleParseErrorQuotes() {
        String sql = "ALTER USER u IDENTIFIED BY 'p@ss:w/rd#1' x";
        String server = "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB "
                + "server version for the right syntax to use near ''p@ss:w/rd#1' x' at line 1";
        MatrixOneException e = ErrorClassifier.classify(1064, "42000", server, sql, null);
        assertThat(e.getMessage()).doesNotContain("p@ss").contains("near '***' at line 1");
    }

    @Test
    void replacesADriverCauseThatQuotedTheSecretWithAMaskedStandIn() {
        String sql = "ALTER USER u IDENTIFIED BY 'p@ss:w/rd#1' x";
        String server = "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB "
                + "server version for the right syntax to use near ''p@ss:w/rd#1' x' at line 1";
        Exception driver = new java.sql.SQLSyntaxErrorException(server, "42000", 1064);
        MatrixOneException e = ErrorClassifier.classify(1064, "42000", server, sql, driver);
        assertThat(e.getCause()).isInstanceOf(RedactedCause.class);
        assertThat(((RedactedCause) e.getCause()).originalType()).isEqualTo("java.sql.SQLSyntaxErrorException");
        assertThat(e.getCause().getStackTrace()).isEqualTo(driver.getStackTrace());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("p@ss");
        }
    }

    @Test
    void keepsTheDriverCauseWhenNothingWasMasked() {
        Exception driver = new java.sql.SQLException("Duplicate entry '1' for key 'PRIMARY'", "23000", 1062);
        MatrixOneException e = ErrorClassifier.classify(1062, "23000", driver.getMessage(), "INSERT INTO t VALUES (1)", driver);
        assertThat(e.getCause()).isSameAs(driver);
    }

    @Test
    void keepsTheQuotedStatementWhenItHeldNoLiterals() {
        String server = "SQL parser error: syntax error at line 1 column 14 near \"snapshots\";";
        MatrixOneException e = ErrorClassifier.classify(1064, "HY000", server, "SHOW SNAPSHOTZ snapshots", null);
        assertThat(e.serverMessage()).isEqualTo(server);
    }

    @Test
    void keepsTheDriversExceptionAsTheCause() {
        SQLException driver = new SQLException("Duplicate entry", "23000", 1062);
        MatrixOneException e = ErrorClassifier.classify(1062, "23000", "Duplicate entry", "INSERT INTO t VALUES ('x')", driver);
        assertThat(e).hasCause(driver);
        assertThat(e.sql()).isEqualTo("INSERT INTO t VALUES ('***')");
    }

    @Test
    void aMissingIndexSwitchNamesTheSessionVariable() {
        MatrixOneException e = classify(20101, "internal error: experimental_hnsw_index is not enabled");
        assertThat(e).isInstanceOf(io.matrixone.core.error.FeatureDisabledException.class);
        assertThat(((io.matrixone.core.error.FeatureDisabledException) e).variable()).isEqualTo("experimental_hnsw_index");
        assertThat(e.getMessage()).contains("sessionVariable(\"experimental_hnsw_index\", 1)");
        assertThat(((io.matrixone.core.error.FeatureDisabledException) classify(20101,
                "internal error: IVF index is not enabled")).variable()).isEqualTo("experimental_ivf_index");
        assertThat(((io.matrixone.core.error.FeatureDisabledException) classify(20101,
                "internal error: FullText index is not enabled")).variable()).isEqualTo("experimental_fulltext_index");
    }

    @Test
    void indexesThatExistOrDoNotAreObjects() {
        assertThat(classify(1061, "duplicate key name 'idx01'")).isInstanceOf(ObjectExistsException.class);
        assertThat(classify(20101, "internal error: not found index: nope")).isInstanceOf(ObjectNotFoundException.class);
        assertThat(classify(20101, "internal error: Can't REINDEX 'idx'; check that column/key exists"))
                .isInstanceOf(ObjectNotFoundException.class);
        assertThat(classify(20101, "internal error: vector dimension not matched"))
                .isExactlyInstanceOf(MatrixOneException.class);
    }
}
