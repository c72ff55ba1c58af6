package org.bcistream.streaming.lsl;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bcistream.streaming.lsl.internal.wire.LslNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One typed {@code lsl_api.cfg} setting: its {@code section.Key} (case-sensitive), default, description, how its
 * text reads (with liblsl's quirks: numbers are the leading numeric prefix and 0 when there is none, booleans are
 * true only for the literal {@code 1}, sets are {@code {a, b}} and empty without braces) and its valid range. The
 * constants live in {@link LslOptions}.
 *
 * @param <T> the value type
 */
public final class LslOption<T> {
    private static final Logger LOG = LoggerFactory.getLogger(LslOption.class);

    private final String key;
    private final T defaultValue;
    private final String description;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final Predicate<T> valid;
    private final String validRange;

    private LslOption(String key, T defaultValue, String description, Function<String, T> parser,
            Function<T, String> formatter, Predicate<T> valid, String validRange) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.parser = parser;
        this.formatter = formatter;
        this.valid = valid;
        this.validRange = validRange;
    }

    static LslOption<Integer> intOption(String key, int defaultValue, int min, int max, String description) {
        return new LslOption<>(key, defaultValue, description, text -> {
            OptionalLong v = LslNumbers.parseIntPrefix(text);
            if (v.isEmpty()) {
                LOG.warn("{} = '{}' is not a number and reads as 0, as in liblsl", key, text);
            }
            return (int) v.orElse(0);
        }, String::valueOf, v -> v >= min && v <= max, min + ".." + max);
    }

    static LslOption<Double> doubleOption(String key, double defaultValue, boolean positive, String description) {
        return new LslOption<>(key, defaultValue, description, text -> {
            OptionalDouble v = LslNumbers.parseDoublePrefix(text);
            if (v.isEmpty()) {
                LOG.warn("{} = '{}' is not a number and reads as 0, as in liblsl", key, text);
            }
            return v.orElse(0);
        }, v -> LslNumbers.compact(v, 16), v -> Double.isFinite(v) && (positive ? v > 0 : v >= 0),
                positive ? "> 0" : ">= 0");
    }

    static LslOption<Boolean> boolOption(String key, boolean defaultValue, String description) {
        return new LslOption<>(key, defaultValue, description, text -> {
            if (!text.equals("1") && !text.equals("0")) {
                LOG.warn("{} = '{}' reads as false: liblsl takes only '1' as true", key, text);
            }
            return text.equals("1");
        }, v -> v ? "1" : "0", v -> true, "");
    }

    static LslOption<String> stringOption(String key, String defaultValue, boolean nonEmpty, String description) {
        return new LslOption<>(key, defaultValue, description, text -> text, v -> v,
                v -> v != null && v.indexOf('\n') < 0 && (!nonEmpty || !v.isEmpty()),
                nonEmpty ? "one non-empty line" : "one line");
    }

    static LslOption<List<String>> setOption(String key, List<String> defaultValue, String description) {
        return new LslOption<>(key, List.copyOf(defaultValue), description, text -> parseSet(key, text),
                v -> "{" + String.join(", ", v) + "}",
                v -> v != null && v.stream().allMatch(e -> !e.isBlank() && e.equals(e.trim()) && e.chars()
                        .noneMatch(c -> c == ',' || c == '{' || c == '}' || c == '\n')),
                "non-empty elements without , { }");
    }

    static <E> LslOption<E> enumOption(String key, E defaultValue, Function<String, E> parser,
            Function<E, String> formatter, String description) {
        return new LslOption<>(key, defaultValue, description, parser, formatter, Objects::nonNull, "");
    }

    /** The {@code section.Key} name, case-sensitive. */
    public String key() {
        return key;
    }

    /** liblsl's default. */
    public T defaultValue() {
        return defaultValue;
    }

    /** What the setting does and its unit. */
    public String description() {
        return description;
    }

    /**
     * Reads a value as liblsl would.
     *
     * @throws LslConfigException if liblsl rejects the text or the value is out of range
     */
    public T parse(String text) {
        T value = parser.apply(text);
        check(value);
        return value;
    }

    /** The value as {@code lsl_api.cfg} text. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /**
     * Checks that {@code value} is in range.
     *
     * @throws LslConfigException if it is not
     */
    public void check(T value) {
        if (!valid.test(value)) {
            throw new LslConfigException(key + " = " + value + " is out of range (valid: " + validRange + ")");
        }
    }

    @Override
    public String toString() {
        return key;
    }

    private static List<String> parseSet(String key, String text) {
        if (text.length() > 2 && text.startsWith("{") && text.endsWith("}")) {
            return List.of(text.substring(1, text.length() - 1).split(",", -1)).stream().map(String::trim)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableList());
        }
        if (!text.equals("{}")) {
            LOG.warn("{} = '{}' is not a set in braces, e.g. {a, b}, and reads as empty, as in liblsl", key, text);
        }
        return List.of();
    }
}
