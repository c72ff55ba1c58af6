package org.bcistream.streaming.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes a {@link DeadLetter} to the dead-letter topic as the original key and value bytes, untouched, with
 * headers {@code bcistream.reason}, {@code bcistream.fault} (the kind), {@code bcistream.source.topic},
 * {@code bcistream.source.partition} and {@code bcistream.source.offset} (UTF-8 text).
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;
    /** Header names. */
    public static final String REASON = "bcistream.reason";
    public static final String FAULT = "bcistream.fault";
    public static final String SOURCE_TOPIC = "bcistream.source.topic";
    public static final String SOURCE_PARTITION = "bcistream.source.partition";
    public static final String SOURCE_OFFSET = "bcistream.source.offset";

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        KafkaInput in = letter.input();
        List<Header> headers = List.of(header(REASON, letter.reason()), header(FAULT, letter.kind().name()),
                header(SOURCE_TOPIC, in.topic()), header(SOURCE_PARTITION, Integer.toString(in.partition())),
                header(SOURCE_OFFSET, Long.toString(in.offset())));
        return new ProducerRecord<>(topic, null, in.kafkaTimestamp() >= 0 ? in.kafkaTimestamp() : null, in.key(), in.value(), headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
