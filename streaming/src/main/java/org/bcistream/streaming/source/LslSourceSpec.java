package org.bcistream.streaming.source;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.StreamInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A live LSL stream as a source, as written on the command line:
 * {@code lsl:type=EEG|name=<n>|source_id=<id>[,profile=<id>][,session=<id>][,resolve-timeout=<s>][,markers=<name>]}.
 *
 * <p>Exactly one of {@code name}, {@code type} or {@code source_id} picks the stream (the first one resolved).
 * {@code profile} names the device profile (default: matched from the stream's name, type, channel count and
 * rate); {@code session} the session id (default: the stream's source id, else its name); {@code markers} the
 * name of a string marker stream whose samples become the session's markers.
 *
 * @param property the LSL property that picks the stream: {@code name}, {@code type} or {@code source_id}
 * @param value its value
 * @param profileId device profile id, or null to match it
 * @param session session id, or null for the default
 * @param resolveTimeoutSeconds how long to wait for the stream when the job starts, seconds
 * @param markerStream name of a marker stream to read along, or null
 */
public record LslSourceSpec(String property, String value, String profileId, String session, double resolveTimeoutSeconds,
        String markerStream) implements Serializable {
    private static final Set<String> SELECTORS = Set.of("name", "type", "source_id");
    private static final Set<String> KEYS = Set.of("name", "type", "source_id", "profile", "session", "resolve-timeout", "markers");

    public LslSourceSpec {
        if (!SELECTORS.contains(property) || value == null || value.isBlank()) {
            throw new IllegalArgumentException("lsl source: pick the stream with one of name=, type= or source_id=");
        }
        if (!(resolveTimeoutSeconds > 0 && Double.isFinite(resolveTimeoutSeconds))) {
            throw new IllegalArgumentException("lsl source: resolve-timeout must be > 0 s, got " + resolveTimeoutSeconds);
        }
    }

    /** Parses {@code lsl:key=value,...}. */
    public static LslSourceSpec parse(String text) {
        if (!text.startsWith("lsl:")) {
            throw new IllegalArgumentException("'" + text + "' is not an LSL source; it starts with lsl:");
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : text.substring(4).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("lsl source: '" + part + "' is not key=value");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("lsl source: unknown key '" + key + "'; known keys: " + new TreeSet<>(KEYS));
            }
            kv.put(key, part.substring(eq + 1).trim());
        }
        String property = null;
        for (String selector : new String[] {"source_id", "name", "type"}) {
            if (kv.containsKey(selector)) {
                if (property != null) {
                    throw new IllegalArgumentException("lsl source: give one of name=, type= or source_id=, not " + property + " and " + selector);
                }
                property = selector;
            }
        }
        if (property == null) {
            throw new IllegalArgumentException("lsl source: pick the stream with one of name=, type= or source_id=");
        }
        double timeout = kv.containsKey("resolve-timeout") ? org.bcistream.streaming.config.Durations.seconds(
                org.bcistream.streaming.config.Durations.parse(kv.get("resolve-timeout"))) : 10.0;
        return new LslSourceSpec(property, kv.get(property), kv.get("profile"), kv.get("session"), timeout, kv.get("markers"));
    }

    /**
     * The stream this spec names: the one with {@code preferredSourceId} when given and found (a reconnect), else
     * the first that answers the spec's query.
     *
     * @throws StreamNotFoundException if none answers within the resolve timeout
     */
    public StreamInfo resolve(LslRuntime runtime, String preferredSourceId) throws IOException {
        if (preferredSourceId != null && !preferredSourceId.isEmpty()) {
            List<StreamInfo> byId = runtime.resolveByProperty("source_id", preferredSourceId, 1, resolveTimeoutSeconds);
            if (!byId.isEmpty()) {
                return byId.get(0);
            }
        }
        return first(runtime, property, value, resolveTimeoutSeconds);
    }

    static StreamInfo first(LslRuntime runtime, String property, String value, double timeout) throws IOException {
        List<StreamInfo> found = runtime.resolveByProperty(property, value, 1, timeout);
        if (found.isEmpty()) {
            throw new StreamNotFoundException(String.format(Locale.ROOT, "no LSL stream with %s '%s' answered within %.1f s", property,
                    value, timeout));
        }
        return found.get(0);
    }

    @Override
    public String toString() {
        return "lsl:" + property + "=" + value + (profileId == null ? "" : ",profile=" + profileId)
                + (session == null ? "" : ",session=" + session) + ",resolve-timeout=" + resolveTimeoutSeconds + "s"
                + (markerStream == null ? "" : ",markers=" + markerStream);
    }
}
