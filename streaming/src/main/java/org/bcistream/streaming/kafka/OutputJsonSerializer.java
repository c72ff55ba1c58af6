package org.bcistream.streaming.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.streaming.sink.OutputJson;

/**
 * Writes session outputs to a topic as JSON, one object per record, keyed by session id (so a session's
 * outputs stay in order on one partition): the object of {@link OutputJson} with {@code "schemaVersion"} first,
 * e.g. {@code {"schemaVersion":1,"type":"frame","session":"s1","index":0,...}}.
 */
public final class OutputJsonSerializer implements KafkaRecordSerializationSchema<SessionOutput> {
    private static final long serialVersionUID = 1L;
    /** The output schema version this build writes. */
    public static final int VERSION = 1;

    private final String topic;

    public OutputJsonSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(SessionOutput output, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, output.sessionId().getBytes(StandardCharsets.UTF_8),
                json(output).getBytes(StandardCharsets.UTF_8));
    }

    /** The record value of an output. */
    public static String json(SessionOutput output) {
        return "{\"schemaVersion\":" + VERSION + "," + OutputJson.line(output).substring(1);
    }
}
