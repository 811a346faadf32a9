/**
 * Not API. SQL text the clients share: literals ({@code Literals}), session
 * variables ({@code SessionSql}), the bulk statements and their LOAD DATA stream ({@code BulkSql},
 * {@code LoadDataEncoder}), the lexer ({@code SqlText}) and the redaction of literals for logs
 * ({@code SqlRedactor}).
 */
package io.matrixone.core.internal.sql;
