package org.bcistream.streaming.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;

/**
 * The job's Kafka ends: the input topic read into checked session events (refused records to the dead-letter
 * topic), and sinks of outputs to a topic, exactly-once or at-least-once.
 */
public final class KafkaConnectors {
    /** Producer transaction timeout when the properties set none: within the broker's default maximum of 15 min. */
    static final String DEFAULT_TRANSACTION_TIMEOUT_MS = "60000";
    /** A partition without records for this long stops holding back the watermark. */
    static final Duration IDLE_PARTITION_TIMEOUT = Duration.ofSeconds(5);

    private KafkaConnectors() {}

    /**
     * Session events from the spec's topic: each record decoded and checked per session ({@link KafkaIngestFunction});
     * refused records go whole to the dead-letter topic (at-least-once). Event time is the Kafka record time
     * stamp, with watermarks that an idle partition does not hold back.
     *
     * @param channelCount the channel count of the sessions' device profile
     */
    @SuppressWarnings("deprecation") // connector 5.0 takes committed-offset fallbacks only as kafka-clients' deprecated OffsetResetStrategy
    public static DataStream<SessionEvent> events(StreamExecutionEnvironment env, KafkaSourceSpec spec, int channelCount)
            throws IOException {
        Properties client = clientProperties(spec.propertiesFile());
        KafkaSourceBuilder<KafkaInput> builder = KafkaSource.<KafkaInput>builder()
                .setBootstrapServers(spec.bootstrap())
                .setTopics(spec.topic())
                .setGroupId(spec.group())
                .setDeserializer(new KafkaInputDeserializer())
                .setProperties(client)
                .setStartingOffsets(switch (spec.start()) {
                    case "earliest" -> OffsetsInitializer.earliest();
                    case "latest" -> OffsetsInitializer.latest();
                    default -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
                });
        if (spec.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        WatermarkStrategy<KafkaInput> watermarks = WatermarkStrategy.<KafkaInput>forMonotonousTimestamps()
                .withTimestampAssigner((record, kafkaTime) -> record.kafkaTimestamp())
                .withIdleness(IDLE_PARTITION_TIMEOUT);
        SingleOutputStreamOperator<SessionEvent> events = env.fromSource(builder.build(), watermarks, "kafka-input")
                .uid("kafka-input")
                .keyBy(KafkaInput::keyText)
                .process(new KafkaIngestFunction(channelCount, spec.sessions()))
                .name("kafka-ingest")
                .uid("kafka-ingest");
        events.getSideOutput(KafkaIngestFunction.DEAD_LETTERS)
                .sinkTo(KafkaSink.<DeadLetter>builder()
                        .setBootstrapServers(spec.bootstrap())
                        .setKafkaProducerConfig(client)
                        .setRecordSerializer(new DeadLetterSerializer(spec.deadLetterTopic()))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .name("kafka-dead-letters")
                .uid("kafka-dead-letters");
        return events;
    }

    /** A sink of outputs to the spec's topic as JSON ({@link OutputJsonSerializer}). Exactly-once needs checkpointing. */
    public static KafkaSink<SessionOutput> outputs(KafkaSinkSpec spec) throws IOException {
        Properties client = clientProperties(spec.propertiesFile());
        client.putIfAbsent("transaction.timeout.ms", DEFAULT_TRANSACTION_TIMEOUT_MS);
        return KafkaSink.<SessionOutput>builder()
                .setBootstrapServers(spec.bootstrap())
                .setKafkaProducerConfig(client)
                .setRecordSerializer(new OutputJsonSerializer(spec.topic()))
                .setDeliveryGuarantee(spec.delivery())
                .setTransactionalIdPrefix(spec.transactionalIdPrefix())
                .build();
    }

    private static Properties clientProperties(String file) throws IOException {
        return KafkaClientProperties.load(file == null ? null : Path.of(file), System.getenv()).toProperties();
    }
}
