package org.bcistream.streaming.kafka;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Kafka topic of session input as a source, as written on the command line:
 * {@code kafka:topic=<t>,profile=<id>[,bootstrap=host:port][,group=<id>][,dead-letter=<t>][,start=earliest|latest|committed][,bounded=true][,sessions=a+b][,properties=<file>]}.
 *
 * @param bootstrap Kafka bootstrap servers
 * @param topic the input topic (signal chunks and markers, keyed by session)
 * @param profileId the device profile every session is decoded with
 * @param group consumer group id
 * @param deadLetterTopic where refused records go
 * @param start where a new consumer group starts: {@code earliest}, {@code latest}, or {@code committed} (the
 *     group's committed offsets, else earliest)
 * @param bounded stop at the offsets that are latest when the job starts (replays, tests) instead of running on
 * @param sessions the sessions to decode; empty for any
 * @param propertiesFile client properties file (TLS, SASL, ...), or null
 */
public record KafkaSourceSpec(
        String bootstrap, String topic, String profileId, String group, String deadLetterTopic, String start, boolean bounded,
        Set<String> sessions, String propertiesFile) implements Serializable {
    private static final Set<String> KEYS =
            Set.of("bootstrap", "topic", "profile", "group", "dead-letter", "start", "bounded", "sessions", "properties");
    private static final Set<String> STARTS = Set.of("earliest", "latest", "committed");

    public KafkaSourceSpec {
        require(bootstrap, "bootstrap");
        require(topic, "topic");
        require(profileId, "profile");
        require(group, "group");
        require(deadLetterTopic, "dead-letter");
        if (!STARTS.contains(start)) {
            throw new IllegalArgumentException("kafka source: start=" + start + " is not one of " + new TreeSet<>(STARTS));
        }
        if (deadLetterTopic.equals(topic)) {
            throw new IllegalArgumentException("kafka source: the dead-letter topic must differ from the input topic " + topic);
        }
        sessions = Set.copyOf(sessions);
    }

    /** Parses {@code kafka:key=value,...}. */
    public static KafkaSourceSpec parse(String text) {
        Map<String, String> kv = keyValues(text, "kafka source", KEYS);
        String topic = kv.get("topic");
        if (!kv.containsKey("profile")) {
            throw new IllegalArgumentException("kafka source: give the sessions' device profile with profile=<id> "
                    + "(bcistream profiles list shows them)");
        }
        return new KafkaSourceSpec(kv.getOrDefault("bootstrap", "localhost:9092"), topic, kv.get("profile"),
                kv.getOrDefault("group", "bcistream"), kv.getOrDefault("dead-letter", topic == null ? null : topic + ".dead-letter"),
                kv.getOrDefault("start", "committed"), Boolean.parseBoolean(kv.getOrDefault("bounded", "false")),
                kv.containsKey("sessions") ? new TreeSet<>(Arrays.asList(kv.get("sessions").split("\\+"))) : Set.of(),
                kv.get("properties"));
    }

    /** The canonical text form, parseable by {@link #parse}. */
    @Override
    public String toString() {
        return "kafka:bootstrap=" + bootstrap + ",topic=" + topic + ",profile=" + profileId + ",group=" + group + ",dead-letter="
                + deadLetterTopic + ",start=" + start + (bounded ? ",bounded=true" : "")
                + (sessions.isEmpty() ? "" : ",sessions=" + String.join("+", new TreeSet<>(sessions)))
                + (propertiesFile == null ? "" : ",properties=" + propertiesFile);
    }

    static Map<String, String> keyValues(String text, String what, Set<String> keys) {
        if (!text.startsWith("kafka:")) {
            throw new IllegalArgumentException("'" + text + "' is not a " + what + "; it starts with kafka:");
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : text.substring(6).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(what + ": '" + part + "' is not key=value");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(what + ": unknown key '" + key + "'; known keys: " + new TreeSet<>(keys));
            }
            kv.put(key, part.substring(eq + 1).trim());
        }
        return kv;
    }

    static void require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("kafka: " + key + "= is missing or empty");
        }
    }
}
