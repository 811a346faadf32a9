package io.matrixone.spring.example;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.SnapshotSpec;
import io.matrixone.spring.boot.MatrixOneTransactionManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seeds' unified transaction as a Spring service: a JPA repository, JdbcTemplate and the SDK write in one
 * MatrixOne transaction, and the snapshot requested inside is taken right after COMMIT (never on rollback).
 */
@Service
public class OrderService {

    /** What one order placed, as the endpoint answers it. */
    public record Placed(long customerId, long orderId, long ordersOfCustomer, String snapshot) {
    }

    private final CustomerRepository customers;
    private final JdbcTemplate jdbc;
    private final MatrixOneClient client;
    private final MatrixOneTransactionManager transactions;

    public OrderService(CustomerRepository customers, JdbcTemplate jdbc, MatrixOneClient client,
                        MatrixOneTransactionManager transactions) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.client = client;
        this.transactions = transactions;
    }

    /**
     * Finds or creates the customer (JPA), records the order (JdbcTemplate), counts it (the SDK, seeing both
     * uncommitted writes) and, with {@code snapshot}, queues a database snapshot taken at commit. An amount below 1
     * fails after all of that: everything rolls back and no snapshot is taken.
     */
    @Transactional
    public Placed place(String customerName, long amount, String snapshot) {
        Customer customer = customers.findByName(customerName).orElseGet(() -> customers.save(new Customer(customerName)));
        jdbc.update("INSERT INTO orders (customer_id, amount) VALUES (?, ?)", customer.getId(), amount);
        long orderId = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
        long count = client.query("SELECT COUNT(*) FROM orders WHERE customer_id = ?", customer.getId()).scalarLong();
        if (snapshot != null) {
            String database = client.options().connection().database();
            transactions.currentTransaction().snapshots().create(SnapshotSpec.database(snapshot, database));
        }
        if (amount < 1) {
            throw new IllegalArgumentException("amount must be at least 1, was " + amount);
        }
        return new Placed(customer.getId(), orderId, count, snapshot);
    }

    /**
     * Renames a customer through JPA's dirty checking (no UPDATE is sent yet) and reads the name back with the SDK:
     * the transaction flushes JPA before the SDK's statement, so the SDK sees the new name.
     */
    @Transactional
    public String rename(String from, String to) {
        customers.findByName(from).orElseThrow(() -> new IllegalArgumentException("no customer " + from)).rename(to);
        return client.query("SELECT name FROM customers WHERE name IN (?, ?)", from, to).scalar(String.class);
    }
}
