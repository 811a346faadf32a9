package io.matrixone.emulator.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.concurrent.atomic.AtomicLong;

/** MatrixOne's timestamps: nanoseconds since the epoch (UTC) and their text forms. */
final class Nanos {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Go layout {@code 2006-01-02 15:04:05.999999999}: optional fraction of up to nine digits. */
    private static final DateTimeFormatter PARSE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private final AtomicLong last = new AtomicLong();

    /** A fresh timestamp, strictly greater than every earlier one from this clock. */
    long next() {
        Instant now = Instant.now();
        long candidate = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return last.updateAndGet(prev -> Math.max(prev + 1, candidate));
    }

    static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Nanoseconds since the epoch, saturated at {@code Long.MAX_VALUE} for far-future instants (e.g. year 3020). */
    static long of(Instant i) {
        try {
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (ArithmeticException e) {
            return i.getEpochSecond() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /**
     * CAST_NANO_TO_TIMESTAMP (func_mo.go): UTC, Go layout {@code 2006-01-02 15:04:05.999999999}, i.e. trailing
     * zeros of the fraction trimmed and no dot when the fraction is zero.
     */
    static String formatUtc(long nanos) {
        Instant i = toInstant(nanos);
        String base = SECONDS.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        if (i.getNano() == 0) {
            return base;
        }
        String frac = String.format("%09d", i.getNano()).replaceAll("0+$", "");
        return base + "." + frac;
    }

    /** Parses {@code yyyy-MM-dd HH:mm:ss[.fffffffff]} in the given zone; {@code null} if malformed. */
    static Long parse(String text, ZoneId zone) {
        try {
            return of(LocalDateTime.parse(text.trim(), PARSE).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
