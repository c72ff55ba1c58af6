package org.bcistream.streaming.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses human durations as the command line accepts them: {@code 30s}, {@code 250ms}, {@code 2m}, {@code 1h}, {@code 1.5} (seconds). */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    private Durations() {}

    /**
     * Parses {@code text} into a duration.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 30s, 250ms, 2m, 1h or 1.5 (seconds)");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanos = switch (unit) {
            case "ms" -> value * 1e6;
            case "s" -> value * 1e9;
            case "m", "min" -> value * 60e9;
            case "h" -> value * 3600e9;
            default -> throw new IllegalStateException(unit);
        };
        if (nanos > Long.MAX_VALUE) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** Seconds of a duration as a double. */
    public static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** The duration as {@link #parse} reads it back: plain decimal seconds, e.g. {@code 30s}, {@code 0.0005s}. */
    public static String format(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
    }
}
