/**
 * A Spring Boot application on the starter: REST endpoints doing a unified transaction (JPA, JdbcTemplate and a
 * snapshot at commit) and a snapshot-protected Flyway migration that restores the database when it fails.
 */
package io.matrixone.spring.example;
