/**
 * Hibernate Reactive in an async unified transaction: {@link io.matrixone.hibernate.reactive.MatrixOneHibernateReactive}
 * builds a factory whose sessions, opened by {@code tx.orm(factory.stage())} or the Mutiny form, run on the
 * transaction's borrowed Vert.x connection and context.
 */
package io.matrixone.hibernate.reactive;
