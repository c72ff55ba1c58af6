package org.bcistream.streaming.kafka;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * A Kafka topic of session outputs as a sink, as written on the command line:
 * {@code kafka:topic=<t>[,bootstrap=host:port][,delivery=exactly-once|at-least-once][,transactional-id-prefix=<p>][,properties=<file>]}.
 *
 * <p>Exactly-once (the default) writes in Kafka transactions committed at each checkpoint, so readers with
 * {@code isolation.level=read_committed} see every output once, a checkpoint interval after it was made;
 * at-least-once shows outputs at once and may repeat those after the last checkpoint when the job restores.
 *
 * @param bootstrap Kafka bootstrap servers
 * @param topic the output topic (JSON, keyed by session)
 * @param delivery delivery guarantee
 * @param transactionalIdPrefix prefix of the producers' transactional ids (unique per job writing the topic)
 * @param propertiesFile client properties file (TLS, SASL, ...), or null
 */
public record KafkaSinkSpec(String bootstrap, String topic, DeliveryGuarantee delivery, String transactionalIdPrefix,
        String propertiesFile) implements Serializable {
    private static final Set<String> KEYS = Set.of("bootstrap", "topic", "delivery", "transactional-id-prefix", "properties");

    public KafkaSinkSpec {
        KafkaSourceSpec.require(bootstrap, "bootstrap");
        KafkaSourceSpec.require(topic, "topic");
        KafkaSourceSpec.require(transactionalIdPrefix, "transactional-id-prefix");
        if (delivery == DeliveryGuarantee.NONE) {
            throw new IllegalArgumentException("kafka sink: delivery must be exactly-once or at-least-once");
        }
    }

    /** Parses {@code kafka:key=value,...}. */
    public static KafkaSinkSpec parse(String text) {
        Map<String, String> kv = KafkaSourceSpec.keyValues(text, "kafka sink", KEYS);
        String delivery = kv.getOrDefault("delivery", "exactly-once");
        DeliveryGuarantee guarantee = switch (delivery) {
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            default -> throw new IllegalArgumentException("kafka sink: delivery=" + delivery + " is not exactly-once or at-least-once");
        };
        return new KafkaSinkSpec(kv.getOrDefault("bootstrap", "localhost:9092"), kv.get("topic"), guarantee,
                kv.getOrDefault("transactional-id-prefix", "bcistream-" + kv.get("topic")), kv.get("properties"));
    }

    @Override
    public String toString() {
        return "kafka:bootstrap=" + bootstrap + ",topic=" + topic + ",delivery="
                + (delivery == DeliveryGuarantee.EXACTLY_ONCE ? "exactly-once" : "at-least-once") + ",transactional-id-prefix="
                + transactionalIdPrefix + (propertiesFile == null ? "" : ",properties=" + propertiesFile);
    }
}
