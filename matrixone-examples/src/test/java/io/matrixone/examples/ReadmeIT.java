package io.matrixone.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.async.Closing;
import io.matrixone.async.AsyncMatrixOneClient;
import io.matrixone.client.MatrixOneClient;
import io.matrixone.client.Transaction;
import io.matrixone.core.model.CloneSpec;
import io.matrixone.core.model.FulltextIndexSpec;
import io.matrixone.core.model.IndexInfo;
import io.matrixone.core.model.MoCtlResult;
import io.matrixone.core.model.Snapshot;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.core.model.TimePoint;
import io.matrixone.core.model.VectorIndexSpec;
import io.matrixone.core.model.VersionInfo;
import io.matrixone.core.result.Result;
import io.matrixone.core.result.Row;
import io.matrixone.core.search.BooleanQuery;
import io.matrixone.core.search.DistanceMetric;
import io.matrixone.core.search.Filter;
import io.matrixone.core.search.FulltextQuery;
import io.matrixone.core.search.HybridQuery;
import io.matrixone.core.search.VectorIndexMode;
import io.matrixone.core.search.VectorQuery;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;
import io.matrixone.examples.model.User;
import io.matrixone.hibernate.MatrixOneHibernate;
import io.matrixone.hibernate.MatrixOneSessionFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's usage snippets, as they are written there (only the database name is made unique), run against
 * the emulator: if the README's code stops compiling or working, this fails.
 */
@ExtendWith(EmulatorExtension.class)
class ReadmeIT {

    record UserRow(long id, String name, String email) {
    }

    @Test
    void theSyncSnippetsRun(Emulator mo) throws Exception {
        String app = "readme_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        try (MatrixOneClient admin = MatrixOneClient.create(o -> o.host(mo.host()).port(mo.port()))) {
            admin.execute("CREATE DATABASE " + app);
        }

        // --- Connect
        MatrixOneClient client = MatrixOneClient.create(o -> o
                .host(mo.host()).port(mo.port())
                .user("root")
                .password("111")
                .database(app)
                .connectTimeout(Duration.ofSeconds(5))
                .queryTimeout(Duration.ofSeconds(30))
                .maxPoolSize(16));
        try (client; MatrixOneClient fromUrl = MatrixOneClient.create(
                "matrixone://root:111@" + mo.host() + ":" + mo.port() + "/" + app + "?tlsMode=disabled")) {
            assertThat(fromUrl.serverVersion()).isEqualTo(client.serverVersion());

            // --- Query
            client.execute("CREATE TABLE users (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(50), email VARCHAR(100) UNIQUE)");
            long id = client.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Alice", "alice@example.com").generatedKey();
            List<UserRow> users = client.query("SELECT * FROM users WHERE name LIKE ?", "A%").as(UserRow.class);
            long count = client.query("SELECT COUNT(*) FROM users").scalarLong();
            Optional<Row> row = client.query("SELECT * FROM users WHERE id = ?", id).optional();
            client.executeBatch("INSERT INTO users (name, email) VALUES (?, ?)",
                    List.of(List.of("Bob", "bob@example.com"), List.of("Carol", "carol@example.com")));
            long[] streamed = {0};
            client.stream("SELECT * FROM users", List.of(), r -> streamed[0]++);
            assertThat(users).containsExactly(new UserRow(id, "Alice", "alice@example.com"));
            assertThat(count).isEqualTo(1);
            assertThat(row).isPresent();
            assertThat(streamed[0]).isEqualTo(3);

            // --- Unified transactions
            try (MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(client, User.class)) {
                long total = client.transaction(tx -> {
                    Session session = tx.orm(orm);
                    session.persist(new User("Dave", "dave@example.com"));
                    tx.execute("INSERT INTO users (name, email) VALUES (?, ?)", "Erin", "erin@example.com");
                    tx.snapshots().create(SnapshotSpec.database("nightly_" + app, app));
                    tx.clones().database(CloneSpec.database(app + "_copy", app).fromSnapshot("nightly_" + app));
                    return tx.query("SELECT COUNT(*) FROM users").scalarLong();
                });
                assertThat(total).isEqualTo(5);
                assertThat(client.query("SELECT COUNT(*) FROM " + app + "_copy.users").scalarLong()).isEqualTo(5);
            }

            try (Transaction tx = client.begin()) {
                tx.execute("UPDATE users SET name = ? WHERE id = ?", "Alicia", id);
                tx.commit();
            }

            // --- MatrixOne features
            Snapshot s = client.snapshots().create(SnapshotSpec.table("before_migration_" + app, app, "users"));
            String orders = client.dialect().timeTravel().table(app, "users", TimePoint.snapshot(s.name()));
            assertThat(client.query("SELECT COUNT(*) FROM " + orders).scalarLong()).isEqualTo(5);
            MoCtlResult flushed = client.moCtl().flush(app, "users");
            VersionInfo version = client.version().info();
            assertThat(flushed.isOk()).isTrue();
            assertThat(version.version()).isEqualTo(client.serverVersion());

            client.snapshots().drop(s.name());
            client.snapshots().drop("nightly_" + app);
            client.execute("DROP DATABASE " + app + "_copy");
            client.execute("DROP DATABASE " + app);
        }
    }

    @Test
    void theAsyncSnippetRuns(Emulator mo) throws Exception {
        String app = "readme_a_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        AsyncMatrixOneClient setup = AsyncMatrixOneClient.create(o -> o.host(mo.host()).port(mo.port()));
        try (var closing = Closing.of(setup)) {
            setup.execute("CREATE DATABASE " + app).toCompletableFuture().get(30, TimeUnit.SECONDS);
            setup.execute("CREATE TABLE " + app + ".users (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(50), "
                    + "email VARCHAR(100) UNIQUE)").toCompletableFuture().get(30, TimeUnit.SECONDS);
        }

        AsyncMatrixOneClient async = AsyncMatrixOneClient.create(o -> o.host(mo.host()).port(mo.port()).database(app));

        try (var closing = Closing.of(async)) {
            CompletionStage<Long> inserted = async.transaction(tx -> {
                CompletionStage<Result> a = tx.execute("INSERT INTO users (name, email) VALUES (?, ?)", "A", "a@x");
                CompletionStage<Result> b = tx.execute("INSERT INTO users (name, email) VALUES (?, ?)", "B", "b@x");
                tx.snapshots().create(SnapshotSpec.database("after_insert_" + app, app));   // completes after COMMIT
                return a.thenCombine(b, (x, y) -> x.affectedRows() + y.affectedRows());
            });
            assertThat(inserted.toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(2);
            UserRow first = async.query("SELECT * FROM users WHERE id = ?", 1)
                    .thenApply(r -> r.oneAs(UserRow.class)).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(first.name()).isEqualTo("A");
            assertThat(async.snapshots().exists("after_insert_" + app).toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();

            async.snapshots().drop("after_insert_" + app).toCompletableFuture().get(30, TimeUnit.SECONDS);
            async.execute("DROP DATABASE " + app).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
    @Test
    void theVectorSnippetRuns(Emulator mo) {
        String app = "readme_v_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        try (MatrixOneClient admin = MatrixOneClient.create(o -> o.host(mo.host()).port(mo.port()))) {
            admin.execute("CREATE DATABASE " + app);
        }
        float[] embedding = io.matrixone.examples.model.Corpus.embed("snapshot and restore");
        float[] question = io.matrixone.examples.model.Corpus.embed("how to restore a snapshot");

        // --- Vector and full-text search (as in the README, with the emulator's address)
        MatrixOneClient client = MatrixOneClient.create(o -> o.host(mo.host()).port(mo.port()).database(app)
                .sessionVariables(java.util.Map.of("experimental_hnsw_index", 1, "probe_limit", 8)));
        try (client) {
            client.execute("CREATE TABLE docs (id BIGINT PRIMARY KEY, lang VARCHAR(8), title VARCHAR(200), body TEXT, embedding vecf32(64))");
            client.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", 1L, "en", "Backups", "snapshot and restore", embedding);
            float[] stored = client.query("SELECT embedding FROM docs WHERE id = 1").one().getFloatArray("embedding");

            client.indexes().create(VectorIndexSpec.ivfFlat("idx_emb", "docs", "embedding").lists(8).metric(DistanceMetric.COSINE));
            client.indexes().create(VectorIndexSpec.hnsw("idx_emb_hnsw", "docs", "embedding").m(16).efConstruction(64));
            client.indexes().create(FulltextIndexSpec.of("ft_docs", "docs", "title", "body"));
            List<IndexInfo> indexes = client.indexes().list(null, "docs");

            record Hit(long id, String title, double distance) {}
            List<Hit> hits = client.search().nearest(VectorQuery.of("docs", "embedding", question)
                    .metric(DistanceMetric.COSINE).select("id", "title").filter(Filter.eq("lang", "en"))
                    .mode(VectorIndexMode.PRE).limit(5), Hit.class);

            record Found(long id, String title, double score) {}
            List<Found> found = client.search().fulltext(FulltextQuery.of("docs", List.of("title", "body"),
                    BooleanQuery.create().must("snapshot").mustNot("draft")).select("id", "title"), Found.class);

            List<Row> both = client.search().hybrid(HybridQuery.of(
                    VectorQuery.of("docs", "embedding", question).select("id", "title").limit(20),
                    FulltextQuery.of("docs", List.of("title", "body"), "restore").select("id", "title").limit(20), "id").limit(5), Row.class);

            assertThat(stored).containsExactly(embedding);
            assertThat(indexes).extracting(IndexInfo::algorithm).contains("ivfflat", "hnsw", "fulltext");
            assertThat(hits).extracting(Hit::id).containsExactly(1L);
            assertThat(hits.get(0).distance()).isCloseTo(DistanceMetric.COSINE.between(embedding, question),
                    org.assertj.core.api.Assertions.within(1e-5));
            assertThat(found).extracting(Found::id).containsExactly(1L);
            assertThat(both).extracting(r -> r.getLong("id")).containsExactly(1L);
            client.execute("DROP DATABASE " + app);
        }
    }
}
