package io.matrixone.core.error;

/**
 * The server has the feature but it is switched off for this session: MatrixOne refuses to create an HNSW index
 * unless {@code experimental_hnsw_index} is 1 ("internal error: experimental_hnsw_index is not enabled"), and before
 * 3.0.5 also IVF-flat and full-text indexes ({@code experimental_ivf_index}, {@code experimental_fulltext_index}).
 * {@link #variable()} names the session variable; give it to every connection with
 * {@code ClientOptions.Builder.sessionVariable(variable, 1)}.
 */
public class FeatureDisabledException extends MatrixOneException {
    private static final long serialVersionUID = 1L;

    private final String variable;

    public FeatureDisabledException(String message, String variable, int errorCode, String sqlState, String sql,
                                    Throwable cause) {
        super(message, errorCode, sqlState, sql, cause);
        this.variable = variable;
    }

    /** The session variable that switches the feature on, e.g. {@code experimental_hnsw_index}. */
    public String variable() {
        return variable;
    }
}
