package org.bcistream.streaming.kafka;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Kafka record as read, before decoding: the bytes and where they came from. Flink serialises it as a POJO.
 *
 * @param key the record key (the session id in UTF-8), or null
 * @param value the record value, or null
 * @param topic source topic
 * @param partition source partition
 * @param offset source offset
 * @param kafkaTimestamp the record's Kafka time stamp, milliseconds since the epoch
 */
public record KafkaInput(byte[] key, byte[] value, String topic, int partition, long offset, long kafkaTimestamp) {
    public KafkaInput {
        Objects.requireNonNull(topic, "topic");
    }

    /** The key as text, or empty when there is none. */
    public String keyText() {
        return key == null ? "" : new String(key, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code topic-partition@offset}, for messages. */
    public String where() {
        return topic + "-" + partition + "@" + offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaInput k && Arrays.equals(key, k.key) && Arrays.equals(value, k.value) && topic.equals(k.topic)
                && partition == k.partition && offset == k.offset && kafkaTimestamp == k.kafkaTimestamp;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value), topic, partition, offset, kafkaTimestamp);
    }

    @Override
    public String toString() {
        return "KafkaInput[" + where() + ", key " + keyText() + ", " + (value == null ? 0 : value.length) + " bytes]";
    }
}
