package io.matrixone.core.dialect;

import io.matrixone.core.result.RowMapper;
import io.matrixone.core.version.ServerVersion;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectTest {

    private static final List<Class<?>> BUILDERS = List.of(SnapshotSql.class, CloneSql.class, RestoreSql.class,
            TimeTravel.class, PitrSql.class, PublicationSql.class, AccountSql.class, MoCtlSql.class, VersionSql.class);

    @Test
    void everyBuilderMethodReturnsAnOperationAStatementOrAPieceOfSql() {
        Set<Class<?>> allowed = Set.of(Operation.class, Statement.class, String.class, RowMapper.class);
        for (Class<?> builder : BUILDERS) {
            for (Method m : builder.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    assertThat(allowed).as("%s.%s returns %s", builder.getSimpleName(), m.getName(), m.getReturnType())
                            .contains(m.getReturnType());
                }
            }
        }
    }

    @Test
    void buildersHaveNoMutableState() {
        for (Class<?> builder : BUILDERS) {
            assertThat(Modifier.isFinal(builder.getModifiers())).as(builder.getSimpleName()).isTrue();
            for (var f : builder.getDeclaredFields()) {
                assertThat(Modifier.isFinal(f.getModifiers())).as("%s.%s", builder.getSimpleName(), f.getName()).isTrue();
            }
        }
    }

    @Test
    void offersOneBuilderPerFamilyForItsVersion() {
        Dialect d = Dialect.of(Versions.V4_2_0);
        assertThat(d.serverVersion()).isEqualTo(Versions.V4_2_0);
        assertThat(d.snapshots()).isSameAs(d.snapshots());
        assertThat(List.of(d.clones(), d.restores(), d.timeTravel(), d.pitrs(), d.publications(), d.accounts(), d.moCtl(),
                d.version())).doesNotContainNull();
        assertThat(d.toString()).contains("4.2.0");
        assertThatThrownBy(() -> Dialect.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nonMatrixOneServersGetTheNewestGrammar() {
        Dialect maria = Dialect.of(ServerVersion.parse("11.4.5-MariaDB"));
        assertThat(maria.restores().statement(io.matrixone.core.model.RestoreSpec.cluster("sp")).sql())
                .isEqualTo("RESTORE CLUSTER{SNAPSHOT = 'sp'}");
    }
}
