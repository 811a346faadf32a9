/**
 * Vector and full-text search on MatrixOne: the queries the {@code search()} managers run ({@link
 * io.matrixone.core.search.VectorQuery}, {@link io.matrixone.core.search.FulltextQuery}, {@link
 * io.matrixone.core.search.HybridQuery}), their bound-parameter filters ({@link io.matrixone.core.search.Filter}),
 * distance metrics and index modes, and MatrixOne's text form of vectors ({@link
 * io.matrixone.core.search.VectorText}). API.
 */
package io.matrixone.core.search;
