package io.matrixone.hibernate.reactive;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A test entity with a MatrixOne vector column, on table {@code hr_vec_docs}. */
@Entity
@Table(name = "hr_vec_docs")
public class ReactiveVecDoc {
    @Id
    private Long id;

    /** Hibernate's generic vector code: MatrixOne's {@code vecf32}. */
    @JdbcTypeCode(SqlTypes.VECTOR) @Array(length = 3)
    private float[] embedding;

    @JdbcTypeCode(SqlTypes.VECTOR_FLOAT64) @Array(length = 2)
    private double[] precise;

    protected ReactiveVecDoc() {
    }

    public ReactiveVecDoc(long id, float[] embedding, double[] precise) {
        this.id = id;
        this.embedding = embedding;
        this.precise = precise;
    }

    public float[] getEmbedding() {
        return embedding;
    }

    public double[] getPrecise() {
        return precise;
    }
}
