/**
 * The entity the ORM examples persist.
 */
package io.matrixone.examples.model;
