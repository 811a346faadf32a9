package io.matrixone.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text of a boolean-mode full-text search, built from terms instead of written by hand:
 * {@code BooleanQuery.create().must("red").mustNot("blue").should("car").phrase("is not red").prefix("colo")}
 * is {@code +red -blue car "is not red" colo*}. Terms are single words without MatrixOne's operator characters
 * ({@code + - ~ < > ( ) " * @}) or quotes; a phrase may hold spaces but no double quote. Immutable; the text is a
 * bound parameter like any other query text.
 */
public final class BooleanQuery {
    private static final String OPERATORS = "+-~<>()\"*@'`\\";

    private final List<String> parts;

    private BooleanQuery(List<String> parts) {
        this.parts = List.copyOf(parts);
    }

    public static BooleanQuery create() {
        return new BooleanQuery(List.of());
    }

    /** {@code +term}: every row must contain it. */
    public BooleanQuery must(String term) {
        return with("+" + term(term));
    }

    /** {@code -term}: no row may contain it. */
    public BooleanQuery mustNot(String term) {
        return with("-" + term(term));
    }

    /** {@code term}: rows containing it rank higher. */
    public BooleanQuery should(String term) {
        return with(term(term));
    }

    /** {@code ~term}: rows containing it rank lower. */
    public BooleanQuery lessRelevant(String term) {
        return with("~" + term(term));
    }

    /** {@code prefix*}: words starting with {@code prefix}, optional like {@link #should}. */
    public BooleanQuery prefix(String prefix) {
        return with(term(prefix) + "*");
    }

    /** {@code +prefix*}: every row must contain a word starting with {@code prefix}. */
    public BooleanQuery mustPrefix(String prefix) {
        return with("+" + term(prefix) + "*");
    }

    /** {@code "words in order"}: rows containing the phrase rank higher. */
    public BooleanQuery phrase(String phrase) {
        return with("\"" + checkedPhrase(phrase) + "\"");
    }

    /** {@code +"words in order"}: every row must contain the phrase. */
    public BooleanQuery mustPhrase(String phrase) {
        return with("+\"" + checkedPhrase(phrase) + "\"");
    }

    /** The boolean-mode text, e.g. {@code +red -blue car}. */
    public String text() {
        if (parts.isEmpty()) {
            throw new IllegalStateException("a boolean query needs at least one term");
        }
        return String.join(" ", parts);
    }

    private BooleanQuery with(String part) {
        List<String> next = new ArrayList<>(parts);
        next.add(part);
        return new BooleanQuery(next);
    }

    private static String term(String term) {
        Objects.requireNonNull(term, "term must not be null");
        if (term.isBlank()) {
            throw new IllegalArgumentException("a term must not be blank");
        }
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || OPERATORS.indexOf(c) >= 0) {
                throw new IllegalArgumentException("a term is one word without + - ~ < > ( ) \" * @ or quotes: '"
                        + term + "'; use phrase(...) for several words");
            }
        }
        return term;
    }

    private static String checkedPhrase(String phrase) {
        Objects.requireNonNull(phrase, "phrase must not be null");
        if (phrase.isBlank() || phrase.indexOf('"') >= 0 || phrase.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a phrase must not be blank, nor contain a double quote or control "
                    + "characters");
        }
        return phrase.strip();
    }

    @Override
    public String toString() {
        return "BooleanQuery[" + parts.size() + " terms]";
    }
}
