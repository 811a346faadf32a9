package io.matrixone.emulator.conformance;

import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides values that differ from run to run before answers are compared: wall-clock timestamps (the run's own,
 * recognised by a year from 2020 to next year, so that test data like {@code 1999-01-01} is still compared),
 * UUIDs, nanosecond/millisecond clock values (13 to 19 digits) and 32-digit hex transaction ids. The shape is kept:
 * a timestamp with fractional seconds stays distinguishable from one without.
 */
public final class Masking {
    private static final Pattern DATETIME = Pattern.compile("\\b(\\d{4})-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\w.])\\d{13,19}(?![\\w.])");
    private static final Pattern HEX_ID = Pattern.compile("\\b[0-9a-f]{32}\\b");
    private static final int FIRST_YEAR = 2020;

    private Masking() {
    }

    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        String s = UUID.matcher(value).replaceAll("<uuid>");
        s = maskDatetimes(s);
        s = HEX_ID.matcher(s).replaceAll("<hex>");
        return CLOCK.matcher(s).replaceAll("<clock>");
    }

    private static String maskDatetimes(String s) {
        Matcher m = DATETIME.matcher(s);
        int lastYear = Year.now().getValue() + 1;
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            String replacement = year >= FIRST_YEAR && year <= lastYear
                    ? "<datetime>" + (m.group(2) == null ? "" : ".<frac>") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
