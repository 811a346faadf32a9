package io.matrixone.examples.sync;

import io.matrixone.client.MatrixOneClient;
import io.matrixone.core.model.FulltextIndexSpec;
import io.matrixone.core.search.BooleanQuery;
import io.matrixone.core.search.Filter;
import io.matrixone.core.search.FulltextQuery;
import io.matrixone.examples.Example;
import io.matrixone.examples.ExampleContext;
import io.matrixone.examples.model.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Full-text search: a FULLTEXT index over title and body, a natural-language search (MatrixOne finds the words as
 * a phrase), a boolean search built with {@link BooleanQuery} (+must -mustNot), a filtered one, each with its
 * relevance score and checked against the texts.
 */
public final class FulltextSearch implements Example {
    static final int DOCUMENTS = 500;

    /** A document found, with its relevance. */
    public record Found(long id, String topic, String title, String body, double score) {
        String text() {
            return (title + " " + body).toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String name() {
        return "fulltext-search";
    }

    @Override
    public String description() {
        return "a FULLTEXT index, natural-language and boolean searches with scores, a filtered search";
    }

    @Override
    public void run(ExampleContext ctx) {
        MatrixOneClient client = ctx.client();
        client.execute(Corpus.CREATE_TABLE);
        List<List<?>> rows = new ArrayList<>();
        for (Corpus.Doc d : Corpus.documents(DOCUMENTS)) {
            rows.add(List.of(d.id(), d.topicName(), d.title(), d.body(), Corpus.embed(d.body())));
        }
        client.executeBatch("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows);
        client.indexes().create(FulltextIndexSpec.of("ft_docs", "docs", "title", "body"));

        List<Found> phrase = client.search().fulltext(FulltextQuery.of("docs", List.of("title", "body"), "garlic sauce")
                .select("id", "topic", "title", "body").limit(20), Found.class);
        ctx.say("\"garlic sauce\": " + phrase.size() + " documents, best " + describe(phrase));
        ctx.check(!phrase.isEmpty() && phrase.stream().allMatch(f -> f.text().contains("garlic sauce")),
                "every natural-language hit has the words as a phrase");

        FulltextQuery guitarNotPiano = FulltextQuery.of("docs", List.of("title", "body"),
                BooleanQuery.create().must("guitar").mustNot("piano")).select("id", "topic", "title", "body").limit(50);
        List<Found> guitar = client.search().fulltext(guitarNotPiano, Found.class);
        ctx.say("+guitar -piano: " + guitar.size() + " documents, best " + describe(guitar));
        ctx.check(!guitar.isEmpty() && guitar.stream().allMatch(f -> f.text().contains("guitar")
                && !f.text().contains("piano")), "boolean mode: every hit has guitar and none has piano");
        ctx.check(sortedByScore(guitar), "hits come most relevant first");

        List<Found> travel = client.search().fulltext(FulltextQuery.of("docs", List.of("title", "body"),
                BooleanQuery.create().should("beach").should("island")).select("id", "topic", "title", "body")
                .filter(Filter.eq("topic", "travel")).limit(10), Found.class);
        ctx.check(!travel.isEmpty() && travel.stream().allMatch(f -> f.topic().equals("travel")),
                "a filtered full-text search keeps to the travel documents");
    }

    private static String describe(List<Found> found) {
        return found.isEmpty() ? "none" : "#" + found.get(0).id() + " \"" + found.get(0).title() + "\" score "
                + String.format("%.4f", found.get(0).score());
    }

    private static boolean sortedByScore(List<Found> found) {
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).score() > found.get(i - 1).score()) {
                return false;
            }
        }
        return true;
    }
}
