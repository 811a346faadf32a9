package io.matrixone.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A test entity with MatrixOne vector columns, on table {@code hib_vec_docs}. */
@Entity
@Table(name = "hib_vec_docs")
public class VecDoc {
    @Id
    private Long id;

    @Column(length = 100)
    private String title;

    @JdbcTypeCode(SqlTypes.VECTOR_FLOAT32)
    @Array(length = 3)
    private float[] embedding;

    @JdbcTypeCode(SqlTypes.VECTOR_FLOAT64)
    @Array(length = 2)
    private double[] precise;

    protected VecDoc() {
    }

    public VecDoc(long id, String title, float[] embedding, double[] precise) {
        this.id = id;
        this.title = title;
        this.embedding = embedding;
        this.precise = precise;
    }

    public String getTitle() {
        return title;
    }

    public float[] getEmbedding() {
        return embedding;
    }

    public void setEmbedding(float[] embedding) {
        this.embedding = embedding;
    }

    public double[] getPrecise() {
        return precise;
    }
}
