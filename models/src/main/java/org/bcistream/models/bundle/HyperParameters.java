package org.bcistream.models.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code hyperParameters} object of a bundle's {@code model.json}: free-form JSON chosen by each model
 * kind, with typed getters that fail with a {@link BundleFormatException} naming the bundle, the key, the
 * expected type and what was found. Immutable: the JSON is copied in and out.
 *
 * <p>Numbers are finite (JSON has no NaN or infinity). {@link #getDouble} accepts integers; {@link #getInt}
 * and {@link #getLong} refuse fractions and out-of-range values. Equality ignores the source.
 */
public final class HyperParameters {
    private static final String IN_MEMORY = "(in memory)";

    private final ObjectNode json;
    private final String source;
    private final String prefix;

    private HyperParameters(ObjectNode json, String source) {
        this(json, source, "");
    }

    private HyperParameters(ObjectNode json, String source, String prefix) {
        this.json = json;
        this.source = source;
        this.prefix = prefix;
    }

    /**
     * A copy of {@code json}, with numbers as reading it back from {@code model.json} gives them (so an
     * {@code int} 2 and a {@code long} 2 are the same hyper-parameter, and a written bundle reads back equal).
     *
     * @throws IllegalArgumentException if it holds a NaN or infinite number
     */
    public static HyperParameters of(ObjectNode json) {
        List<String> nonFinite = new ArrayList<>();
        findNonFinite(Objects.requireNonNull(json, "json"), "$", nonFinite);
        if (!nonFinite.isEmpty()) {
            throw new IllegalArgumentException("hyper-parameters must be finite numbers; not finite: " + nonFinite);
        }
        return new HyperParameters(StrictJson.reparse(json), IN_MEMORY);
    }

    /** No hyper-parameters. */
    public static HyperParameters empty() {
        return new HyperParameters(JsonNodeFactory.instance.objectNode(), IN_MEMORY);
    }

    /**
     * Hyper-parameters parsed from a bundle; {@code source} names it in messages.
     *
     * @throws BundleFormatException if a number is beyond the double range (JSON itself has no NaN)
     */
    static HyperParameters read(ObjectNode json, String source) throws BundleFormatException {
        List<String> nonFinite = new ArrayList<>();
        findNonFinite(json, "$.hyperParameters", nonFinite);
        if (!nonFinite.isEmpty()) {
            throw new BundleFormatException(source, "hyper-parameters beyond the double range: " + nonFinite);
        }
        return new HyperParameters(json, source);
    }

    private static void findNonFinite(JsonNode node, String path, List<String> out) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            out.add(path);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> findNonFinite(e.getValue(), path + "." + e.getKey(), out));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            findNonFinite(node.get(i), path + "[" + i + "]", out);
        }
    }

    /** A copy of the JSON object. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** Whether {@code key} is present (even if {@code null}). */
    public boolean has(String key) {
        return json.has(key);
    }

    /** The value of {@code key}, an integer in the {@code int} range. */
    public int getInt(String key) throws BundleFormatException {
        JsonNode node = require(key);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw mistyped(key, "an integer in [-2^31, 2^31)", node);
        }
        return node.intValue();
    }

    /** The value of {@code key}, an integer in the {@code long} range. */
    public long getLong(String key) throws BundleFormatException {
        JsonNode node = require(key);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw mistyped(key, "an integer in [-2^63, 2^63)", node);
        }
        return node.longValue();
    }

    /** The value of {@code key}, a finite number (an integer is accepted). */
    public double getDouble(String key) throws BundleFormatException {
        JsonNode node = require(key);
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw mistyped(key, "a finite number", node);
        }
        return node.doubleValue();
    }

    /** The value of {@code key}, a string. */
    public String getString(String key) throws BundleFormatException {
        JsonNode node = require(key);
        if (!node.isTextual()) {
            throw mistyped(key, "a string", node);
        }
        return node.textValue();
    }

    /** The value of {@code key}, {@code true} or {@code false}. */
    public boolean getBoolean(String key) throws BundleFormatException {
        JsonNode node = require(key);
        if (!node.isBoolean()) {
            throw mistyped(key, "true or false", node);
        }
        return node.booleanValue();
    }

    /** The value of {@code key}, an object, as hyper-parameters whose messages name it ({@code key.inner}). */
    public HyperParameters getObject(String key) throws BundleFormatException {
        JsonNode node = require(key);
        if (!node.isObject()) {
            throw mistyped(key, "an object", node);
        }
        return new HyperParameters((ObjectNode) node.deepCopy(), source, prefix + key + ".");
    }

    /** The value of {@code key}, an array of strings. */
    public List<String> getStrings(String key) throws BundleFormatException {
        JsonNode node = require(key);
        List<String> values = new ArrayList<>();
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw mistyped(key, "an array of strings", node);
            }
            values.add(node.get(i).textValue());
        }
        if (!node.isArray()) {
            throw mistyped(key, "an array of strings", node);
        }
        return List.copyOf(values);
    }

    /** The value of {@code key}, an array of integers in the {@code int} range. */
    public List<Integer> getInts(String key) throws BundleFormatException {
        JsonNode node = require(key);
        List<Integer> values = new ArrayList<>();
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw mistyped(key, "an array of integers", node);
            }
            values.add(item.intValue());
        }
        if (!node.isArray()) {
            throw mistyped(key, "an array of integers", node);
        }
        return List.copyOf(values);
    }

    /** A {@link BundleFormatException} about {@code key} of this object, for checks the getters cannot make. */
    public BundleFormatException invalid(String key, String problem) {
        return new BundleFormatException(source, String.format(Locale.ROOT, "hyper-parameter '%s%s' %s", prefix, key, problem));
    }

    private JsonNode require(String key) throws BundleFormatException {
        JsonNode node = json.get(key);
        if (node == null) {
            List<String> present = new ArrayList<>();
            json.fieldNames().forEachRemaining(present::add);
            throw new BundleFormatException(source, String.format(Locale.ROOT,
                    "hyper-parameter '%s%s' is missing; model.json has %s", prefix, key, present));
        }
        return node;
    }

    private BundleFormatException mistyped(String key, String expected, JsonNode found) {
        return new BundleFormatException(source, String.format(Locale.ROOT, "hyper-parameter '%s%s' must be %s; found %s",
                prefix, key, expected, StrictJson.describe(found)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperParameters h && json.equals(h.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** The compact JSON. */
    @Override
    public String toString() {
        return json.toString();
    }
}
