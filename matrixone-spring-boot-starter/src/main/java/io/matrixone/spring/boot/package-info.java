/**
 * Spring Boot auto-configuration: {@code MatrixOneClient} and {@code AsyncMatrixOneClient} from {@code matrixone.*}
 * properties, the client's pool as the application's {@code DataSource}, {@code MatrixOneTransactionManager} (a
 * {@code @Transactional} method is one unified transaction: JdbcTemplate, JPA and the SDK's managers on one
 * connection, after-commit steps after COMMIT), health indicators and graceful shutdown.
 */
package io.matrixone.spring.boot;
