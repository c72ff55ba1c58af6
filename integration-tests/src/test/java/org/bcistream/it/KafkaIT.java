package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.kafka.DeadLetterSerializer;
import org.bcistream.streaming.kafka.KafkaConnectors;
import org.bcistream.streaming.kafka.KafkaSinkSpec;
import org.bcistream.streaming.kafka.KafkaSourceSpec;
import org.bcistream.streaming.kafka.SessionInputCodec;
import org.bcistream.streaming.kafka.StreamMetadata;
import org.bcistream.streaming.source.SimulationSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka path end to end on an in-process broker: a recording published to a topic as an acquisition
 * service would, decoded from Kafka to Kafka, read back with {@code read_committed}, and compared line by line
 * with the same recording replayed from its file.
 */
class KafkaIT {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final DeviceProfile CYTON = DeviceProfiles.builtIn().byId("openbci-cyton");
    private static final List<String> SESSIONS = List.of("sim-1", "sim-2", "sim-3");
    private static final String SIM = "sim:profile=openbci-cyton,seed=21,duration=30s,sessions=3";

    @TempDir
    static Path tmp;
    static Path recording;
    /** session -> output lines of the file replay, frames then markers, each in emission order. */
    static Map<String, List<String>> reference;

    @BeforeAll
    static void recordAndReplayFromFile() throws Exception {
        recording = tmp.resolve("three-sessions.xdf");
        Cli.run("run", "--source", SIM, "--record", recording.toString(),
                "--out", tmp.resolve("live").toString(), "--quiet");
        Path replayed = tmp.resolve("replayed");
        Cli.run("run", "--source", "file:" + recording, "--out", replayed.toString(), "--quiet");
        reference = new TreeMap<>();
        for (String s : SESSIONS) {
            List<String> lines = new ArrayList<>(Files.readAllLines(replayed.resolve(s).resolve("features.jsonl")));
            lines.addAll(Files.readAllLines(replayed.resolve(s).resolve("markers.jsonl")));
            reference.put(s, lines);
        }
    }

    private static void publish(String topic) throws Exception {
        KAFKA.createTopics(3, topic);
        String out = Cli.run("kafka", "publish", "file:" + recording, "--topic", topic, "--bootstrap", KAFKA.bootstrap(), "--quiet").out();
        assertTrue(out.startsWith("published 2250 chunks (22500 samples) and 27 markers to " + topic), out);
    }

    /** The output topic as session -> lines in the file sink's form, frames then markers, each in topic order. */
    private static Map<String, List<String>> outputs(String topic) {
        Map<String, List<String>> frames = new TreeMap<>();
        Map<String, List<String>> markers = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : KAFKA.readCommitted(topic)) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            assertTrue(value.startsWith("{\"schemaVersion\":1,"), value);
            String line = "{" + value.substring("{\"schemaVersion\":1,".length());
            String session = new String(r.key(), StandardCharsets.UTF_8);
            (line.startsWith("{\"type\":\"frame\"") ? frames : markers).computeIfAbsent(session, s -> new ArrayList<>()).add(line);
        }
        Map<String, List<String>> all = new TreeMap<>();
        frames.forEach((s, lines) -> all.computeIfAbsent(s, k -> new ArrayList<>()).addAll(lines));
        markers.forEach((s, lines) -> all.computeIfAbsent(s, k -> new ArrayList<>()).addAll(lines));
        return all;
    }

    private static void assertExactlyTheReference(Map<String, List<String>> outputs) {
        assertEquals(reference.keySet(), outputs.keySet());
        for (String s : SESSIONS) {
            List<String> got = outputs.get(s);
            assertEquals(new HashSet<>(got).size(), got.size(), s + ": an output arrived twice");
            assertEquals(reference.get(s), got, s);
        }
    }

    @Test
    void kafkaToKafkaExactlyOnceMatchesTheFileReplay() throws Exception {
        publish("eo-in");
        KAFKA.createTopics(3, "eo-out");
        Cli.run("run", "--source", "kafka:bootstrap=" + KAFKA.bootstrap() + ",topic=eo-in,profile=openbci-cyton,start=earliest,bounded=true",
                "--sink", "kafka:bootstrap=" + KAFKA.bootstrap() + ",topic=eo-out,delivery=exactly-once", "--checkpoint-interval", "300ms",
                "--parallelism", "2", "--quiet");
        assertExactlyTheReference(outputs("eo-out"));
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndTheGoodOnesAreAllDecoded() throws Exception {
        publish("bad-in");
        KAFKA.createTopics(1, "bad-out", "bad-dead");
        List<ProducerRecord<byte[], byte[]>> bad = new ArrayList<>();
        StreamMetadata stream = StreamMetadata.of(CYTON, "sim-2", 250);
        StreamMetadata fourChannels = new StreamMetadata("sim-2", "EEG", "sim-2", 250, 4, List.of(), List.of());
        bad.add(record("sim-1", "not avro".getBytes(StandardCharsets.UTF_8)));
        byte[] newer = SessionInputCodec.encode(new MarkerEvent("sim-1", 40, MarkerKind.TEXT, "from the future"));
        newer[1] = 2;
        bad.add(record("sim-1", newer));
        bad.add(record("sim-2", SessionInputCodec.encode(chunk("sim-2", 4, 1000, 1f), fourChannels)));
        bad.add(record("sim-2", nanChunk(stream)));
        bad.add(record("sim-1", SessionInputCodec.encode(chunk("sim-1", 8, 0.5, 1f), StreamMetadata.of(CYTON, "sim-1", 250))));
        bad.add(record("intruder", SessionInputCodec.encode(new MarkerEvent("intruder", 1, MarkerKind.CUE, "A"))));
        bad.add(record("sim-3", SessionInputCodec.encode(new MarkerEvent("sim-1", 1, MarkerKind.CUE, "A"))));
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (ProducerRecord<byte[], byte[]> r : bad) {
                producer.send(r).get();
            }
        }
        // without checkpoints Flink does not restart a failed job: a record that failed the job fails this run
        Cli.run("run", "--source", "kafka:bootstrap=" + KAFKA.bootstrap() + ",topic=bad-in,profile=openbci-cyton,start=earliest,"
                        + "bounded=true,dead-letter=bad-dead,sessions=sim-1+sim-2+sim-3",
                "--sink", "kafka:bootstrap=" + KAFKA.bootstrap() + ",topic=bad-out,delivery=at-least-once", "--checkpoint-interval", "off",
                "--quiet");

        assertExactlyTheReference(outputs("bad-out"));
        List<ConsumerRecord<byte[], byte[]>> dead = KAFKA.readCommitted("bad-dead");
        assertEquals(bad.size(), dead.size());
        Map<String, ConsumerRecord<byte[], byte[]>> byFault = new TreeMap<>();
        List<String> faults = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> d : dead) {
            ProducerRecord<byte[], byte[]> original = bad.stream().filter(b -> java.util.Arrays.equals(b.value(), d.value())).findFirst()
                    .orElseThrow(() -> new AssertionError("a dead letter is not one of the injected records"));
            assertEquals(new String(original.key(), StandardCharsets.UTF_8), new String(d.key(), StandardCharsets.UTF_8));
            assertEquals("bad-in", header(d, DeadLetterSerializer.SOURCE_TOPIC));
            assertTrue(Long.parseLong(header(d, DeadLetterSerializer.SOURCE_OFFSET)) >= 0);
            faults.add(header(d, DeadLetterSerializer.FAULT));
            byFault.put(header(d, DeadLetterSerializer.FAULT) + ":" + header(d, DeadLetterSerializer.REASON), d);
        }
        assertEquals(List.of("NOT_FINITE", "TIME_BACKWARDS", "UNDECODABLE", "UNKNOWN_SESSION", "UNKNOWN_SESSION", "UNKNOWN_VERSION",
                "WRONG_CHANNEL_COUNT"), faults.stream().sorted().toList());
        String reasons = String.join("\n", byFault.keySet());
        assertTrue(reasons.contains("first byte is 0x6E, not the magic 0xBC"), reasons);
        assertTrue(reasons.contains("schema version 2 is newer than this build reads (1); upgrade bcistream"), reasons);
        assertTrue(reasons.contains("chunk of session sim-2 has 4 channels; the session's device profile has 8"), reasons);
        assertTrue(reasons.contains("chunk of session sim-2 has NaN at sample 1 channel 2"), reasons);
        assertTrue(reasons.contains("chunk of session sim-1 starts at 0.500000 s, before the session's previous sample at 29.996000 s"), reasons);
        assertTrue(reasons.contains("session 'intruder' is not one this job decodes [sim-1, sim-2, sim-3]"), reasons);
        assertTrue(reasons.contains("record key 'sim-3' does not name the record's session 'sim-1'"), reasons);
    }

    private static ProducerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ProducerRecord<>("bad-in", key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static SignalChunk chunk(String session, int channels, double start, float value) {
        double[] t = {start, start + 0.004, start + 0.008};
        float[] x = new float[3 * channels];
        java.util.Arrays.fill(x, value);
        return new SignalChunk(session, session, channels, 250, t, x, 0);
    }

    /** A chunk with NaN at sample 1 channel 2: encoded from a valid one, then the float's bytes replaced. */
    private static byte[] nanChunk(StreamMetadata stream) {
        float marker = 12345.678f;
        SignalChunk valid = chunk("sim-2", 8, 1000, 0f);
        float[] x = valid.samples();
        x[8 + 2] = marker;
        byte[] bytes = SessionInputCodec.encode(new SignalChunk("sim-2", "sim-2", 8, 250, valid.timestamps(), x, 0), stream);
        int bits = Float.floatToRawIntBits(marker);
        int nan = Float.floatToRawIntBits(Float.NaN);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if ((bytes[i] & 0xFF) == (bits & 0xFF) && (bytes[i + 1] & 0xFF) == ((bits >>> 8) & 0xFF)
                    && (bytes[i + 2] & 0xFF) == ((bits >>> 16) & 0xFF) && (bytes[i + 3] & 0xFF) == (bits >>> 24)) {
                for (int k = 0; k < 4; k++) {
                    bytes[i + k] = (byte) (nan >>> (8 * k));
                }
                return bytes;
            }
        }
        throw new AssertionError("the marker value is not in the encoded chunk");
    }


    @Test
    void aJobKilledMidStreamRestoresAndStillWritesEveryOutputExactlyOnce() throws Exception {
        publish("kill-in");
        KAFKA.createTopics(3, "kill-out", "kill-in.dead-letter");
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        KafkaSourceSpec source = KafkaSourceSpec.parse("kafka:bootstrap=" + KAFKA.bootstrap()
                + ",topic=kill-in,profile=openbci-cyton,start=earliest,bounded=true,group=kill");
        KafkaSinkSpec sink = KafkaSinkSpec.parse("kafka:bootstrap=" + KAFKA.bootstrap() + ",topic=kill-out,delivery=exactly-once");
        // with a latent stage, so that each session's iP-VAE posterior must continue across the restore
        SessionPipelineConfig config = SessionPipelineConfig.defaults(CYTON).withLatent(TestModels.latentStage(32, 16, 5));
        DecodingJob.decode(KafkaConnectors.events(env, source, CYTON.channelCount()), config)
                .map(new InjectedFailure("kafka-kill", 60, 10))
                .sinkTo(KafkaConnectors.outputs(sink));
        env.execute("kafka-kill-it");

        assertTrue(InjectedFailure.happened("kafka-kill"), "the injected failure never happened, so nothing was restored");
        // the same sessions through the plain-Java pipeline, uninterrupted
        Map<String, List<String>> uninterrupted = PlainPipeline.outputs(PlainPipeline.events(SimulationSpec.parse(SIM)), config);
        Map<String, List<String>> got = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : KAFKA.readCommitted("kill-out")) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            got.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add("{" + value.substring("{\"schemaVersion\":1,".length()));
        }
        assertEquals(uninterrupted.keySet(), got.keySet());
        for (String s : SESSIONS) {
            assertTrue(uninterrupted.get(s).stream().anyMatch(line -> line.startsWith("{\"type\":\"latent\"")));
            assertEquals(uninterrupted.get(s), got.get(s), s + ": outputs exactly once, latent state continued");
        }
    }
}
