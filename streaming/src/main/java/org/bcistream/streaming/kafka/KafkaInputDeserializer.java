package org.bcistream.streaming.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands every Kafka record to the job as a {@link KafkaInput} without decoding it, so that no record, however
 * broken, can fail the source: decoding and checking happen in {@link KafkaIngestFunction}, which sends refused
 * records to the dead-letter topic.
 */
public final class KafkaInputDeserializer implements KafkaRecordDeserializationSchema<KafkaInput> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaInput> out) {
        out.collect(new KafkaInput(record.key(), record.value(), record.topic(), record.partition(), record.offset(), record.timestamp()));
    }

    @Override
    public TypeInformation<KafkaInput> getProducedType() {
        return TypeInformation.of(KafkaInput.class);
    }
}
