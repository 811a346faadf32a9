/**
 * Not API. SQL text the clients share: literals and vector values ({@code Literals}, {@code Vectors}), session
 * variables ({@code SessionSql}), the bulk statements and their LOAD DATA stream ({@code BulkSql},
 * {@code LoadDataEncoder}), the lexer ({@code SqlText}) and the redaction of literals for logs
 * ({@code SqlRedactor}).
 */
package io.matrixone.core.internal.sql;
