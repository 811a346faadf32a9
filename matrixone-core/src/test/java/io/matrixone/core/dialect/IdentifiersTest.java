package io.matrixone.core.dialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    /** No raw control, format, separator or surrogate character may reach a message (logs, terminals). */
    private static void assertPrintable(String message) {
        assertThat(message.codePoints()).allSatisfy(cp -> {
            int type = Character.getType(cp);
            assertThat(Character.isISOControl(cp)).as("control U+%04X in %s", cp, message).isFalse();
            assertThat(type).as("character U+%04X in %s", cp, message)
                    .isNotIn((int) Character.FORMAT, (int) Character.SURROGATE, (int) Character.LINE_SEPARATOR,
                            (int) Character.PARAGRAPH_SEPARATOR);
        });
    }

    private static IllegalArgumentException rejection(String name, NameKind kind) {
        try {
            Identifiers.quote(name, kind);
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new AssertionError("accepted " + Identifiers.printable(name) + " as a " + kind.label() + " name");
    }

    // ---- accepted names, exact output ----

    @Test
    void backQuotesAPlainName() {
        assertThat(Identifiers.quote("orders", NameKind.TABLE)).isEqualTo("`orders`");
    }

    @Test
    void keepsReservedWordsSafeInsideBackQuotes() {
        assertThat(Identifiers.quote("SELECT", NameKind.SNAPSHOT)).isEqualTo("`SELECT`");
    }

    @Test
    void keepsSemicolonInsideTheQuotedName() {
        assertThat(Identifiers.quote("a;DROP DATABASE x", NameKind.TABLE)).isEqualTo("`a;DROP DATABASE x`");
    }

    @Test
    void keepsDoubleDashCommentInsideTheQuotedName() {
        assertThat(Identifiers.quote("t--x", NameKind.TABLE)).isEqualTo("`t--x`");
        assertThat(Identifiers.quote("t -- x", NameKind.TABLE)).isEqualTo("`t -- x`");
    }

    @Test
    void keepsBlockCommentInsideTheQuotedName() {
        assertThat(Identifiers.quote("a/*b*/c", NameKind.COLUMN)).isEqualTo("`a/*b*/c`");
    }

    @Test
    void keepsHashInsideTheQuotedNameOfAnObject() {
        assertThat(Identifiers.quote("a#b", NameKind.TABLE)).isEqualTo("`a#b`");
        assertThat(Identifiers.quote("sp#1", NameKind.SNAPSHOT)).isEqualTo("`sp#1`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"订单", "café", "naïve_表", "\uD83D\uDE80rocket", "👨\u200D👩\u200D👧", "❤\uFE0F"})
    void acceptsUnicodeNames(String name) {
        assertThat(Identifiers.quote(name, NameKind.TABLE)).isEqualTo("`" + name + "`");
        assertThat(Identifiers.quote(name, NameKind.SNAPSHOT)).isEqualTo("`" + name + "`");
    }

    @Test
    void allowsInnerSpacesInTableNamesButNotInSnapshotNames() {
        assertThat(Identifiers.quote("order items", NameKind.TABLE)).isEqualTo("`order items`");
        assertThat(rejection("daily snap", NameKind.SNAPSHOT))
                .hasMessage("invalid snapshot name \"daily snap\": must not contain whitespace");
    }

    @ParameterizedTest
    @EnumSource(value = NameKind.class, names = {"DATABASE", "SNAPSHOT", "PITR", "PUBLICATION", "STAGE", "ACCOUNT"})
    void rejectsInnerWhitespaceInNamesMatrixOneChecksForSpaces(NameKind kind) {
        assertThat(rejection("a b", kind)).hasMessageContaining(kind.label()).hasMessageContaining("whitespace");
        assertThat(rejection("a\u00A0b", kind)).hasMessageContaining("whitespace");
    }

    @Test
    void qualifiesTableWithDatabase() {
        assertThat(Identifiers.qualified("shop", "orders")).isEqualTo("`shop`.`orders`");
        assertThat(Identifiers.table("shop", "orders")).isEqualTo("`shop`.`orders`");
        assertThat(Identifiers.table(null, "orders")).isEqualTo("`orders`");
    }

    @Test
    void checksBothPartsOfAQualifiedName() {
        assertThatThrownBy(() -> Identifiers.qualified("sh`op", "orders"))
                .hasMessageStartingWith("invalid database name");
        assertThatThrownBy(() -> Identifiers.qualified("shop", "ord'ers"))
                .hasMessageStartingWith("invalid table name");
    }

    @Test
    void checkReturnsTheNameUnchanged() {
        assertThat(Identifiers.check("订单", NameKind.TABLE)).isEqualTo("订单");
    }

    // ---- quotes and escapes ----

    @Test
    void rejectsBackQuoteInSnapshotName() {
        assertThat(rejection("sp`; DROP DATABASE prod; --", NameKind.SNAPSHOT))
                .hasMessage("invalid snapshot name \"sp`; DROP DATABASE prod; --\": must not contain a back-quote (`)");
    }

    @Test
    void rejectsDoubledBackQuoteInTableName() {
        assertThat(rejection("a``b", NameKind.TABLE)).hasMessageEndingWith("must not contain a back-quote (`)");
    }

    @Test
    void rejectsSingleQuote() {
        assertThat(rejection("it's", NameKind.DATABASE))
                .hasMessage("invalid database name \"it's\": must not contain a single quote (')");
    }

    @Test
    void rejectsDoubleQuote() {
        assertThat(rejection("say\"hi", NameKind.COLUMN))
                .hasMessage("invalid column name \"say\"hi\": must not contain a double quote (\")");
    }

    @Test
    void rejectsBackslash() {
        assertThat(rejection("a\\b", NameKind.PITR)).hasMessage("invalid PITR name \"a\\b\": must not contain a backslash");
    }

    // ---- control and invisible characters ----

    @Test
    void rejectsNulAndShowsItEscaped() {
        IllegalArgumentException e = rejection("a\0b", NameKind.TABLE);
        assertThat(e).hasMessage("invalid table name \"a\\u0000b\": must not contain NUL");
        assertPrintable(e.getMessage());
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                Arguments.of("TAB", "\t", "\\u0009"),
                Arguments.of("CR", "\r", "\\u000d"),
                Arguments.of("LF", "\n", "\\u000a"),
                Arguments.of("ESC", "\u001B", "\\u001b"),
                Arguments.of("DEL", "\u007F", "\\u007f"),
                Arguments.of("NEL", "\u0085", "\\u0085"),
                Arguments.of("zero-width space", "\u200B", "\\u200b"),
                Arguments.of("zero-width non-joiner", "\u200C", "\\u200c"),
                Arguments.of("byte order mark", "\uFEFF", "\\ufeff"),
                Arguments.of("right-to-left override", "\u202E", "\\u202e"),
                Arguments.of("left-to-right embedding", "\u202A", "\\u202a"),
                Arguments.of("right-to-left isolate", "\u2067", "\\u2067"),
                Arguments.of("line separator", "\u2028", "\\u2028"),
                Arguments.of("paragraph separator", "\u2029", "\\u2029"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharacters")
    void rejectsControlAndFormatCharactersInEveryKind(String label, String ch, String escaped) {
        for (NameKind kind : NameKind.values()) {
            IllegalArgumentException e = rejection("ab" + ch + "cd", kind);
            assertThat(e).as(label + " in " + kind)
                    .hasMessage("invalid " + kind.label() + " name \"ab" + escaped + "cd\": must not contain control characters");
            assertPrintable(e.getMessage());
        }
    }

    @Test
    void rejectsTrailingNewlineAsAControlCharacterNotAsWhitespace() {
        // a trailing LF is whitespace too; either rule may fire, but the LF must not reach the message
        IllegalArgumentException e = rejection("orders\n", NameKind.TABLE);
        assertThat(e).hasMessageStartingWith("invalid table name \"orders\\u000a\"");
        assertPrintable(e.getMessage());
    }

    @Test
    void rejectsUnpairedHighSurrogate() {
        IllegalArgumentException e = rejection("a\uD83Db", NameKind.TABLE);
        assertThat(e).hasMessage("invalid table name \"a\\ud83db\": must not contain unpaired surrogates");
        assertPrintable(e.getMessage());
    }

    @Test
    void rejectsUnpairedLowSurrogateAtTheEnd() {
        IllegalArgumentException e = rejection("ab\uDE80", NameKind.SNAPSHOT);
        assertThat(e).hasMessageEndingWith("must not contain unpaired surrogates");
        assertPrintable(e.getMessage());
    }

    @Test
    void rejectsReversedSurrogatePair() {
        assertThat(rejection("\uDE80\uD83D", NameKind.TABLE)).hasMessageEndingWith("must not contain unpaired surrogates");
    }

    // ---- blanks and edges ----

    @Test
    void rejectsNull() {
        assertThat(rejection(null, NameKind.SNAPSHOT)).hasMessage("snapshot name must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\u3000"})
    void rejectsEmptyAndBlank(String name) {
        assertThat(rejection(name, NameKind.DATABASE)).hasMessage("database name must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {" orders", "orders ", " orders ", "\u00A0orders", "orders\u3000"})
    void rejectsLeadingAndTrailingSpaces(String name) {
        assertThat(rejection(name, NameKind.TABLE)).hasMessageEndingWith(": must not start or end with whitespace")
                .hasMessageStartingWith("invalid table name \"");
    }

    // ---- length ----

    @Test
    void acceptsSixtyFourCharacterSnapshotName() {
        String name = "s".repeat(64);
        assertThat(Identifiers.quote(name, NameKind.SNAPSHOT)).isEqualTo("`" + name + "`");
    }

    @Test
    void rejectsSixtyFiveCharacterSnapshotName() {
        assertThat(rejection("s".repeat(65), NameKind.SNAPSHOT))
                .hasMessage("snapshot name is 65 characters long; the limit is 64");
    }

    @Test
    void countsEmojiAsOneCharacter() {
        String sixtyFour = "\uD83D\uDE80".repeat(64); // 128 UTF-16 units, 64 code points
        assertThat(sixtyFour).hasSize(128);
        assertThat(Identifiers.quote(sixtyFour, NameKind.TABLE)).isEqualTo("`" + sixtyFour + "`");
        assertThat(rejection(sixtyFour + "x", NameKind.TABLE)).hasMessage("table name is 65 characters long; the limit is 64");
    }

    @Test
    void countsChineseCharactersAsOneEach() {
        assertThat(Identifiers.quote("订".repeat(64), NameKind.DATABASE)).hasSize(66);
        assertThat(rejection("订".repeat(65), NameKind.DATABASE)).hasMessageContaining("65 characters long");
    }

    @Test
    void allowsLongerAccountUserAndRoleNames() {
        assertThat(Identifiers.quote("u".repeat(300), NameKind.USER)).hasSize(302);
        assertThat(rejection("u".repeat(301), NameKind.USER)).hasMessage("user name is 301 characters long; the limit is 300");
    }

    @Test
    void everyKindHasALabelAndAPositiveLimit() {
        for (NameKind kind : NameKind.values()) {
            assertThat(kind.label()).isNotBlank();
            assertThat(kind.maxLength()).isGreaterThanOrEqualTo(64);
        }
    }

    // ---- kind-specific rules ----

    @ParameterizedTest
    @ValueSource(strings = {"acc1", "tenant_test", "01929da4-89af-7ed8-8f32-8d123d5ddd71", "A-b_9"})
    void acceptsAccountNamesOfLettersDigitsUnderscoreAndDash(String name) {
        assertThat(Identifiers.quote(name, NameKind.ACCOUNT)).isEqualTo("`" + name + "`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acc.1", "acc#1", "acc:1", "café", "订单", "a;b", "a/b"})
    void rejectsOtherCharactersInAccountNames(String name) {
        assertThat(rejection(name, NameKind.ACCOUNT))
                .hasMessageEndingWith(": may contain only letters A-Z a-z, digits, '_' and '-'")
                .hasMessageStartingWith("invalid account name");
    }

    @ParameterizedTest
    @EnumSource(value = NameKind.class, names = {"USER", "ROLE"})
    void rejectsLoginSeparatorsInUserAndRoleNames(NameKind kind) {
        assertThat(rejection("a:b", kind)).hasMessage("invalid " + kind.label()
                + " name \"a:b\": must not contain ':' or '#' (they separate account, user and role in login names)");
        assertThat(rejection("a#b", kind)).hasMessageContaining("must not contain ':' or '#'");
    }

    @Test
    void allowsColonInTableNames() {
        assertThat(Identifiers.quote("a:b", NameKind.TABLE)).isEqualTo("`a:b`");
    }

    // ---- messages ----

    @Test
    void cutsVeryLongNamesInMessages() {
        String name = "'" + "x".repeat(200);
        IllegalArgumentException e = rejection(name, NameKind.USER);
        assertThat(e.getMessage()).contains("x".repeat(79) + "...\"").doesNotContain("x".repeat(81));
    }

    @Test
    void printableEscapesEveryInvisibleCharacter() {
        String hostile = "\0\t\r\n\u001B\u007F\u0085\u200B\u200D\u202E\u2028\uD800";
        String shown = Identifiers.printable(hostile);
        assertPrintable(shown);
        assertThat(shown).isEqualTo("\"\\u0000\\u0009\\u000d\\u000a\\u001b\\u007f\\u0085\\u200b\\u200d\\u202e\\u2028\\ud800\"");
    }
}
