package org.bcistream.streaming.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Kafka client settings passed through to the consumer and producers: TLS ({@code security.protocol=SSL},
 * {@code ssl.truststore.location}, ...) and SASL ({@code sasl.mechanism}, {@code sasl.jaas.config}, ...) or any
 * other client property. They come from a properties file ({@code properties=<file>} in a source or sink spec)
 * and from the environment: {@code BCISTREAM_KAFKA_SASL_JAAS_CONFIG} sets {@code sasl.jaas.config} (the part
 * after the prefix, lower-cased, underscores as dots). The environment wins over the file.
 *
 * <p>Never printed in clear: {@link #describe()} masks the value of every key that names a password, secret,
 * key, token or JAAS configuration.
 */
public final class KafkaClientProperties {
    /** Prefix of the environment variables read. */
    public static final String ENV_PREFIX = "BCISTREAM_KAFKA_";

    private final TreeMap<String, String> values;

    private KafkaClientProperties(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    /** No settings. */
    public static KafkaClientProperties none() {
        return new KafkaClientProperties(Map.of());
    }

    /**
     * The settings of {@code file} (may be null) overlaid with those of {@code environment}.
     *
     * @throws NoSuchFileException if the file does not exist
     */
    public static KafkaClientProperties load(Path file, Map<String, String> environment) throws IOException {
        Map<String, String> values = new TreeMap<>();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "no such Kafka properties file");
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                values.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return new KafkaClientProperties(values);
    }

    /** The settings as client {@link Properties} (a copy). */
    public Properties toProperties() {
        Properties p = new Properties();
        p.putAll(values);
        return p;
    }

    /** The setting of {@code key}, or null. */
    public String get(String key) {
        return values.get(key);
    }

    /** The settings as {@code key=value} text with secrets masked, for logs and messages. */
    public String describe() {
        StringBuilder b = new StringBuilder("{");
        values.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append('=').append(isSecret(k) ? "******" : v));
        return b.append('}').toString();
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token") || k.endsWith(".key")
                || k.contains("key.password") || k.contains("credentials");
    }

    @Override
    public String toString() {
        return describe();
    }
}
