package org.bcistream.streaming.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.config.Pacing;
import org.bcistream.streaming.kafka.KafkaClientProperties;
import org.bcistream.streaming.kafka.SessionPublisher;
import org.bcistream.streaming.source.SessionCursor;
import org.bcistream.streaming.source.SessionCursors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bcistream kafka}: Kafka tools. */
@Command(name = "kafka", mixinStandardHelpOptions = true, description = "Kafka tools.", subcommands = KafkaCommand.Publish.class)
final class KafkaCommand {

    /** {@code bcistream kafka publish}: plays sessions into a topic as an acquisition service would. */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Publish a recording or simulated sessions to a Kafka topic (signal chunks and markers, keyed by "
                    + "session, in the format of docs/kafka.md), paced like the live device or as fast as the broker takes them."})
    static final class Publish implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<source>", description = "sim:... or file:<path>,... (or a bare recording path).")
        String source;

        @Option(names = "--topic", required = true, paramLabel = "<topic>", description = "The input topic.")
        String topic;

        @Option(names = "--bootstrap", paramLabel = "<host:port>", defaultValue = "localhost:9092",
                description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE}")
        String bootstrap;

        @Option(names = "--realtime", description = "Pace at real time (overrides the source's pace=).")
        boolean realtime;

        @Option(names = "--properties", paramLabel = "<file>",
                description = "Kafka client properties (TLS, SASL, ...); BCISTREAM_KAFKA_* environment variables override them.")
        Path properties;

        @Option(names = "--quiet", description = "No progress line.")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            KafkaClientProperties client = KafkaClientProperties.load(properties, System.getenv());
            Properties config = client.toProperties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
            config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, realtime ? "0" : "5");
            SessionCursors sessions = SessionCursors.open(source, DeviceProfiles.builtIn());
            Pacing pacing = realtime ? Pacing.REALTIME : SessionCursors.pacingOf(source);
            err.printf(Locale.ROOT, "bcistream kafka publish: %s (%d session(s), profile %s) to %s on %s, pace %s, client %s%n",
                    sessions.spec(), sessions.cursors().size(), sessions.profile().id(), topic, bootstrap, pacing, client);
            long start = System.nanoTime();
            SessionPublisher.Published done;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
                SessionPublisher publisher = new SessionPublisher(producer, topic, sessions.profile(), sessions.rateHz(), pacing, System::nanoTime);
                long[] lastPrint = {start};
                done = publisher.publish(sessions.cursors(), samples -> {
                    long now = System.nanoTime();
                    if (!quiet && now - lastPrint[0] > 5_000_000_000L) {
                        lastPrint[0] = now;
                        err.printf(Locale.ROOT, "  %,d samples published%s%n", samples, sessions.totalSamples() > 0
                                ? String.format(Locale.ROOT, " (%.0f %%)", 100.0 * samples / sessions.totalSamples()) : "");
                        err.flush();
                    }
                });
            } finally {
                for (SessionCursor<?> c : sessions.cursors()) {
                    c.close();
                }
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "published %d chunks (%d samples) and %d markers to %s in %.2f s%n",
                    done.chunks(), done.samples(), done.markers(), topic, (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
