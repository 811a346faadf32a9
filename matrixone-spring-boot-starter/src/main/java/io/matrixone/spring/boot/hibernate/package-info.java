/**
 * Boot's JPA (Hibernate) inside the SDK's transaction: a transaction coordinator that leaves BEGIN, COMMIT and
 * ROLLBACK to the transaction manager.
 */
package io.matrixone.spring.boot.hibernate;
