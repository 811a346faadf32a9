package io.matrixone.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.search.VectorQuery;
import io.matrixone.emulator.Emulator;
import io.matrixone.emulator.junit.EmulatorExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.SchemaToolingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code float[]} / {@code double[]} entity attributes as {@code vecf32(n)} / {@code vecf64(n)} columns: the DDL
 * Hibernate generates, run on the server; entities written and read back through a unified transaction; the stored
 * vectors searched with the SDK.
 */
@ExtendWith(EmulatorExtension.class)
class VectorMappingIT {
    private final Emulator emulator;
    private MatrixOneClient client;

    VectorMappingIT(Emulator emulator) {
        this.emulator = emulator;
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.execute("DROP TABLE IF EXISTS hib_vec_docs");
            client.close();
        }
    }

    /** The CREATE TABLE Hibernate writes for the entity with the MatrixOne settings (its schema script). */
    private static String generatedDdl() throws Exception {
        Path script = Files.createTempFile("hib-vec", ".sql");
        Files.delete(script);
        Map<String, Object> settings = new HashMap<>(MatrixOneHibernate.settings());
        settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create");
        settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script.toString());
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try (var factory = new MetadataSources(registry).addAnnotatedClass(VecDoc.class).buildMetadata()
                .buildSessionFactory()) {
            return Files.readString(script).trim().replaceAll(";$", "");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void vectorAttributesAreVecfColumnsWrittenAndReadAsArrays() throws Exception {
        String ddl = generatedDdl();
        assertThat(ddl).contains("embedding vecf32(3)", "precise vecf64(2)");
        client = MatrixOneClient.create(o -> o.host(emulator.host()).port(emulator.port()).user(emulator.user())
                .password(emulator.password()).database(emulator.database()));
        client.execute("DROP TABLE IF EXISTS hib_vec_docs");
        client.execute(ddl); // the server accepts what Hibernate generated
        MatrixOneSessionFactory orm = MatrixOneHibernate.sessionFactory(client, VecDoc.class);
        try (orm) {
            client.inTransaction(tx -> {
                tx.orm(orm).persist(new VecDoc(1, "near", new float[] {1f, 0.5f, 0f}, new double[] {0.1, 0.2}));
                tx.orm(orm).persist(new VecDoc(2, "far", new float[] {-3f, 4f, 12.25f}, null));
            });
            emulator.statementsIfRecorded().ifPresent(log -> assertThat(log.sqls())
                    .anyMatch(s -> s.startsWith("insert into hib_vec_docs") && s.contains("'[1.0, 0.5, 0.0]'")));
            assertThat(client.query("SELECT embedding FROM hib_vec_docs WHERE id = 2").one().getString(0))
                    .isEqualTo("[-3, 4, 12.25]"); // MatrixOne's own text of the stored vector

            client.inTransaction(tx -> {
                VecDoc near = tx.orm(orm).find(VecDoc.class, 1L);
                assertThat(near.getEmbedding()).containsExactly(1f, 0.5f, 0f);
                assertThat(near.getPrecise()).containsExactly(0.1, 0.2);
                assertThat(tx.orm(orm).find(VecDoc.class, 2L).getPrecise()).isNull();
                near.setEmbedding(new float[] {0f, 0f, 1f}); // a dirty array is flushed at commit
            });
            assertThat(client.query("SELECT embedding FROM hib_vec_docs WHERE id = 1").one().getFloatArray(0))
                    .containsExactly(0f, 0f, 1f);

            List<VecDoc> byQuery = client.transaction(tx -> tx.orm(orm)
                    .createSelectionQuery("from VecDoc order by id", VecDoc.class).getResultList());
            assertThat(byQuery).extracting(VecDoc::getTitle).containsExactly("near", "far");
            record Hit(long id, double distance) {
            }
            assertThat(client.search().nearest(VectorQuery.of("hib_vec_docs", "embedding", new float[] {0f, 0f, 1f})
                    .select("id").limit(1), Hit.class)).extracting(Hit::id).containsExactly(1L);
        }
    }
}
