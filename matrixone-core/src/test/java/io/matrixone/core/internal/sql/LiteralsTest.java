package io.matrixone.core.internal.sql;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiteralsTest {

    @Test
    void wrapsPlainTextInSingleQuotes() {
        assertThat(Literals.string("111")).isEqualTo("'111'");
    }

    @Test
    void keepsEmptyString() {
        assertThat(Literals.string("")).isEqualTo("''");
    }

    @Test
    void doublesSingleQuotes() {
        assertThat(Literals.string("it's")).isEqualTo("'it''s'");
        assertThat(Literals.string("'; DROP USER root; --")).isEqualTo("'''; DROP USER root; --'");
    }

    @Test
    void escapesBackslashSoItCannotEscapeTheClosingQuote() {
        assertThat(Literals.string("pw\\")).isEqualTo("'pw\\\\'");
        assertThat(Literals.string("\\'")).isEqualTo("'\\\\'''");
    }

    @Test
    void escapesNulNewlinesAndCtrlZ() {
        assertThat(Literals.string("a\0b\nc\rd\u001Ae")).isEqualTo("'a\\0b\\nc\\rd\\Ze'");
    }

    @Test
    void leavesDoubleQuotesBackQuotesAndUnicodeAlone() {
        assertThat(Literals.string("p@ss:w/rd#1 \"x\" `y` 密码")).isEqualTo("'p@ss:w/rd#1 \"x\" `y` 密码'");
    }

    @Test
    void producesOneLiteralWhateverTheInput() {
        String hostile = "x' OR '1'='1\\' -- ;/*";
        String literal = Literals.string(hostile);
        // outside the escapes, no quote may appear before the final one
        String inner = literal.substring(1, literal.length() - 1).replace("\\\\", "").replace("''", "");
        assertThat(literal).startsWith("'").endsWith("'");
        assertThat(inner).doesNotContain("'");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Literals.string(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a string literal must not be null");
    }

    @Test
    void aRefusalNamesTheValueItWasGivenFor() {
        assertThatThrownBy(() -> Literals.string("pw\uD800", "password")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("password holds an unpaired UTF-16 surrogate at index 2 (U+D800)");
        assertThatThrownBy(() -> Literals.string(null, "comment")).hasMessage("comment must not be null");
    }

    @Test
    void writesTimestampsToTheSecond() {
        assertThat(Literals.timestampSeconds(LocalDateTime.of(2026, 5, 24, 12, 0, 7, 999_000_000)))
                .isEqualTo("'2026-05-24 12:00:07'");
    }

    @Test
    void rejectsNullTimestamp() {
        assertThatThrownBy(() -> Literals.timestampSeconds(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
