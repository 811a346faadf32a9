package io.matrixone.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The entity the ORM-flush transaction benchmark persists. */
@Entity
@Table(name = TransactionBenchmark.TABLE)
public class BenchUser {
    @Id
    private Long id;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(nullable = false, length = 128)
    private String email;

    protected BenchUser() {
    }

    public BenchUser(long id, String name, String email) {
        this.id = id;
        this.name = name;
        this.email = email;
    }

    public Long getId() {
        return id;
    }
}
