package io.matrixone.examples.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Documents and embeddings for the search examples, made here so that no model is downloaded: a document is a few
 * sentences drawn from one topic's words with a fixed seed, and its embedding is a hashed bag of words (each word but
 * a stopword
 * adds +1 or -1 to one of {@link #DIMENSIONS} slots chosen by its hash; the sum is scaled to length 1). Texts
 * sharing words get close vectors, so a cosine search behaves like a (very small) semantic search.
 */
public final class Corpus {
    /** The embedding size. */
    public static final int DIMENSIONS = 64;

    /** The topics and their words; the first word of each names it. */
    public static final List<List<String>> TOPICS = List.of(
            List.of("database", "backup", "snapshot", "restore", "query", "index", "table", "replica", "transaction",
                    "schema"),
            List.of("cooking", "recipe", "pasta", "oven", "garlic", "sauce", "bake", "flour", "tomato", "spice"),
            List.of("travel", "flight", "hotel", "passport", "beach", "museum", "train", "luggage", "island", "map"),
            List.of("music", "guitar", "concert", "melody", "piano", "album", "rhythm", "drums", "song", "chorus"),
            List.of("garden", "seeds", "soil", "compost", "roses", "harvest", "prune", "water", "greenhouse", "bulbs"));

    /** Words that say nothing about a topic; an embedding model learns to ignore them, this one is told. */
    private static final java.util.Set<String> STOPWORDS = java.util.Set.of("a", "an", "and", "the", "how", "do", "i",
            "from", "to", "of", "in", "is", "for", "with", "about", "my", "what");

    private static final List<String> FILLER = List.of("notes", "about", "with", "guide", "tips", "for", "daily", "simple");

    /** One document: its key, topic (index into {@link #TOPICS}), title and body. */
    public record Doc(long id, int topic, String title, String body) {
        public String topicName() {
            return TOPICS.get(topic).get(0);
        }
    }

    public static final String CREATE_TABLE = "CREATE TABLE docs (id BIGINT PRIMARY KEY, topic VARCHAR(20), "
            + "title VARCHAR(200), body TEXT, embedding vecf32(" + DIMENSIONS + "))";

    private Corpus() {
    }

    /** {@code n} documents, the same on every run; document i is of topic {@code i % TOPICS.size()}. */
    public static List<Doc> documents(int n) {
        Random random = new Random(20_251_204L);
        List<Doc> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            int topic = i % TOPICS.size();
            List<String> words = TOPICS.get(topic);
            String title = capitalise(words.get(1 + random.nextInt(words.size() - 1))) + " "
                    + words.get(random.nextInt(words.size())) + " " + FILLER.get(random.nextInt(FILLER.size()));
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                body.append(w == 0 ? "" : " ").append(random.nextInt(4) == 0 ? FILLER.get(random.nextInt(FILLER.size()))
                        : words.get(random.nextInt(words.size())));
            }
            out.add(new Doc(i, topic, title, body.toString()));
        }
        return out;
    }

    /** The embedding of a text: hashed words, length 1 (a text without words maps to a fixed unit vector). */
    public static float[] embed(String text) {
        double[] sum = new double[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.isEmpty() || STOPWORDS.contains(word)) {
                continue;
            }
            int h = fnv1a(word);
            sum[Math.floorMod(h, DIMENSIONS)] += (h & 0x4000_0000) == 0 ? 1 : -1;
        }
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        float[] out = new float[DIMENSIONS];
        if (norm == 0) {
            out[0] = 1;
            return out;
        }
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < DIMENSIONS; i++) {
            out[i] = (float) (sum[i] * scale);
        }
        return out;
    }

    private static int fnv1a(String word) {
        int h = 0x811c9dc5;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }

    private static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
