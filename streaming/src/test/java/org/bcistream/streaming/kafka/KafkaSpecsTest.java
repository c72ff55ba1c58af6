package org.bcistream.streaming.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSpecsTest {
    @Test
    void sourceDefaultsAndCanonicalText() {
        KafkaSourceSpec spec = KafkaSourceSpec.parse("kafka:topic=eeg,profile=muse-2");
        assertEquals("localhost:9092", spec.bootstrap());
        assertEquals("eeg.dead-letter", spec.deadLetterTopic());
        assertEquals("committed", spec.start());
        assertFalse(spec.bounded());
        assertEquals(Set.of(), spec.sessions());
        assertEquals("kafka:bootstrap=localhost:9092,topic=eeg,profile=muse-2,group=bcistream,dead-letter=eeg.dead-letter,start=committed",
                spec.toString());
        KafkaSourceSpec full = KafkaSourceSpec.parse(
                "kafka:bootstrap=b:1,topic=t,profile=p,group=g,dead-letter=d,start=earliest,bounded=true,sessions=s2+s1,properties=/x");
        assertEquals(Set.of("s1", "s2"), full.sessions());
        assertEquals(full, KafkaSourceSpec.parse(full.toString()));
    }

    @Test
    void sourceMistakesAreNamed() {
        assertMessage(() -> KafkaSourceSpec.parse("kafka:topic=t"), "profile=<id>");
        assertMessage(() -> KafkaSourceSpec.parse("kafka:profile=p"), "topic= is missing");
        assertMessage(() -> KafkaSourceSpec.parse("kafka:topic=t,profile=p,start=middle"), "start=middle is not one of [committed, earliest, latest]");
        assertMessage(() -> KafkaSourceSpec.parse("kafka:topic=t,profile=p,dead-letter=t"), "must differ from the input topic");
        assertMessage(() -> KafkaSourceSpec.parse("kafka:topic=t,profile=p,partition=3"), "unknown key 'partition'");
    }

    @Test
    void sinkDefaultsToExactlyOnce() {
        KafkaSinkSpec spec = KafkaSinkSpec.parse("kafka:topic=out");
        assertEquals(DeliveryGuarantee.EXACTLY_ONCE, spec.delivery());
        assertEquals("bcistream-out", spec.transactionalIdPrefix());
        assertEquals(spec, KafkaSinkSpec.parse(spec.toString()));
        assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, KafkaSinkSpec.parse("kafka:topic=out,delivery=at-least-once").delivery());
        assertMessage(() -> KafkaSinkSpec.parse("kafka:topic=out,delivery=maybe"), "delivery=maybe is not exactly-once or at-least-once");
    }

    @Test
    void clientPropertiesComeFromFileAndEnvironmentAndSecretsAreMasked(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("client.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="hunter2";
                ssl.truststore.location=/etc/trust.jks
                ssl.truststore.password=changeit
                """);
        KafkaClientProperties p = KafkaClientProperties.load(file, Map.of("BCISTREAM_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "BCISTREAM_KAFKA_SSL_KEY_PASSWORD", "s3cret", "PATH", "/bin"));
        assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
        assertEquals("s3cret", p.get("ssl.key.password"));
        assertEquals("SASL_SSL", p.toProperties().getProperty("security.protocol"));
        String shown = p.describe();
        assertFalse(shown.contains("hunter2") || shown.contains("changeit") || shown.contains("s3cret"), shown);
        assertTrue(shown.contains("sasl.jaas.config=******") && shown.contains("ssl.truststore.location=/etc/trust.jks"), shown);
        assertEquals(shown, p.toString());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> KafkaClientProperties.load(tmp.resolve("absent"), Map.of()));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable parse, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, parse);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
