package io.matrixone.hibernate;

import io.matrixone.core.search.VectorText;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.Type;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.sql.internal.DdlTypeImpl;
import org.hibernate.type.descriptor.sql.spi.DdlTypeRegistry;

/**
 * MatrixOne's vector columns for Hibernate: a {@code float[]} (or {@code double[]}) attribute annotated
 * {@code @JdbcTypeCode(SqlTypes.VECTOR_FLOAT32)} (or {@code VECTOR_FLOAT64}) and {@code @Array(length = n)} is a
 * {@code vecf32(n)} ({@code vecf64(n)}) column, written and read in MatrixOne's text form ({@code [1, 2.5, 3]}),
 * which is how MatrixOne sends and accepts vectors on the wire. {@code SqlTypes.VECTOR} is {@code vecf32}.
 *
 * <p>Found by Hibernate through {@code META-INF/services} whenever this jar is on the class path (plain Hibernate
 * and Hibernate Reactive alike: both bind through JDBC-shaped statements); the hibernate-vector module does not
 * know MatrixOne (its MySQL contribution is for MySQL 9's binary VECTOR).
 */
public final class MatrixOneVectorTypes implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        var dialect = serviceRegistry.requireService(JdbcServices.class).getDialect();
        var types = contributions.getTypeConfiguration();
        types.getJdbcTypeRegistry().addDescriptor(SqlTypes.VECTOR, new VectorJdbcType(SqlTypes.VECTOR, false));
        types.getJdbcTypeRegistry().addDescriptor(new VectorJdbcType(SqlTypes.VECTOR_FLOAT32, false));
        types.getJdbcTypeRegistry().addDescriptor(new VectorJdbcType(SqlTypes.VECTOR_FLOAT64, true));
        types.getDdlTypeRegistry().addDescriptor(new VectorDdlType(SqlTypes.VECTOR, "vecf32", dialect));
        types.getDdlTypeRegistry().addDescriptor(new VectorDdlType(SqlTypes.VECTOR_FLOAT32, "vecf32", dialect));
        types.getDdlTypeRegistry().addDescriptor(new VectorDdlType(SqlTypes.VECTOR_FLOAT64, "vecf64", dialect));
    }

    /** {@code vecf32(n)}: the dimension is the {@code @Array(length = n)} of the attribute (Hibernate's array length). */
    static final class VectorDdlType extends DdlTypeImpl {
        private final String name;

        VectorDdlType(int code, String name, Dialect dialect) {
            super(code, name + "($l)", name, dialect);
            this.name = name;
        }

        @Override
        public String getTypeName(Size size, Type type, DdlTypeRegistry registry) {
            return getTypeName(size);
        }

        @Override
        public String getTypeName(Size size) {
            Integer dims = size == null ? null : size.getArrayLength();
            return dims == null ? name : name + "(" + dims + ")";
        }
    }

    /** A vector bound and read as MatrixOne's text: the driver sees a VARCHAR. */
    static final class VectorJdbcType implements JdbcType {
        private final int code;
        private final boolean doubles;

        VectorJdbcType(int code, boolean doubles) {
            this.code = code;
            this.doubles = doubles;
        }

        @Override
        public int getJdbcTypeCode() {
            return SqlTypes.VARCHAR;
        }

        @Override
        public int getDefaultSqlTypeCode() {
            return code;
        }

        @Override
        public String getFriendlyName() {
            return doubles ? "VECF64" : "VECF32";
        }

        String text(Object value, JavaType<?> javaType, WrapperOptions options) {
            @SuppressWarnings("unchecked")
            JavaType<Object> type = (JavaType<Object>) javaType;
            return doubles ? VectorText.format(type.unwrap(value, double[].class, options))
                    : VectorText.format(type.unwrap(value, float[].class, options));
        }

        <X> X value(String text, JavaType<X> javaType, WrapperOptions options) {
            if (text == null) {
                return null;
            }
            return javaType.wrap(doubles ? VectorText.parseDoubles(text) : VectorText.parseFloats(text), options);
        }

        @Override
        public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
            return new BasicBinder<>(javaType, this) {
                @Override
                protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                        throws SQLException {
                    st.setString(index, text(value, javaType, options));
                }

                @Override
                protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                        throws SQLException {
                    st.setString(name, text(value, javaType, options));
                }
            };
        }

        @Override
        public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
            return new BasicExtractor<>(javaType, this) {
                @Override
                protected X doExtract(ResultSet rs, int index, WrapperOptions options) throws SQLException {
                    return value(rs.getString(index), javaType, options);
                }

                @Override
                protected X doExtract(CallableStatement st, int index, WrapperOptions options) throws SQLException {
                    return value(st.getString(index), javaType, options);
                }

                @Override
                protected X doExtract(CallableStatement st, String name, WrapperOptions options) throws SQLException {
                    return value(st.getString(name), javaType, options);
                }
            };
        }
    }
}
