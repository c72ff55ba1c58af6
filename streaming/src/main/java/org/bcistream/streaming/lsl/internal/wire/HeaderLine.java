package org.bcistream.streaming.lsl.internal.wire;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@code Key: value} line of a streamfeed request or response, read as liblsl does: lines without a colon are
 * skipped, everything from the first {@code ;} is a comment, the line is lower-cased, key and value are trimmed.
 *
 * @param key the lower-case key, e.g. {@code value-size}
 * @param value the lower-case value
 */
public record HeaderLine(String key, String value) {
    /** The header in {@code line}, empty for a line without a colon. */
    public static Optional<HeaderLine> parse(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String s = line;
        int semicolon = s.indexOf(';');
        if (semicolon >= 0) {
            s = s.substring(0, semicolon);
        }
        s = s.toLowerCase(Locale.ROOT);
        String key = s.substring(0, Math.min(colon, s.length())).trim();
        String value = colon < s.length() ? s.substring(colon + 1).trim() : "";
        return Optional.of(new HeaderLine(key, value));
    }

    /** The value as liblsl's {@code from_string<bool>}: true only for {@code 1}. */
    public boolean flag() {
        return value.equals("1");
    }

    /**
     * The value's leading integer, as {@code std::stoi}.
     *
     * @throws NumberFormatException if there is none
     */
    public int integer() {
        return (int) LslNumbers.parseIntPrefix(value).orElseThrow(() -> new NumberFormatException(
                "header " + key + ": '" + value + "' is not a number"));
    }

    /**
     * The value's leading decimal number, as {@code std::stod}.
     *
     * @throws NumberFormatException if there is none
     */
    public double decimal() {
        return LslNumbers.parseDoublePrefix(value).orElseThrow(() -> new NumberFormatException(
                "header " + key + ": '" + value + "' is not a number"));
    }
}
