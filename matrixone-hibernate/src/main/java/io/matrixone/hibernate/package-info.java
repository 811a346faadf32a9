/**
 * Hibernate ORM in a unified transaction: {@link io.matrixone.hibernate.MatrixOneHibernate} builds a session factory
 * whose sessions, opened by {@code tx.orm(factory)}, run on the transaction's own connection and leave commit and
 * rollback to it; {@link io.matrixone.hibernate.MatrixOneDialect} is MatrixOne's SQL dialect for Hibernate.
 */
package io.matrixone.hibernate;
