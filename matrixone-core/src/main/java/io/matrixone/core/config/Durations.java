package io.matrixone.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses durations written by people: {@code 30} (seconds), {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO {@code PT5S}. */
final class Durations {
    private Durations() {
    }

    static Duration parse(String what, String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt") || s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            if (s.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a duration such as 30, 500ms, 5s, 2m or PT5S, was '"
                    + text + "'", e);
        }
    }
}
