package io.matrixone.adversarial;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The ORM side of the fault matrix: a row per transaction, its tag unique (for the duplicate-key tests). */
@Entity
@Table(name = "orm_rows")
public class FaultRow {
    @Id
    private Long id;

    @Column(nullable = false, length = 100, unique = true)
    private String tag;

    protected FaultRow() {
    }

    public FaultRow(long id, String tag) {
        this.id = id;
        this.tag = tag;
    }

    public Long getId() {
        return id;
    }

    public String getTag() {
        return tag;
    }
}
