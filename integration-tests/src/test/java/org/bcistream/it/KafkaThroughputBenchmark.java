package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throughput of the Kafka path on this machine: signal chunks per second from the input topic through
 * preprocessing and features to the output topic, at-least-once and exactly-once. Not part of the test suite
 * (no IT suffix); run it with
 * {@code mvn -B -pl integration-tests -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=KafkaThroughputBenchmark}
 * and copy the printed lines to docs/benchmarks.md.
 */
class KafkaThroughputBenchmark {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    /** 8 Cyton sessions of 300 s: 60,000 chunks of 10 samples x 8 channels. */
    private static final String SESSIONS = "sim:profile=openbci-cyton,seed=9,duration=300s,sessions=8";
    private static final long CHUNKS = 60_000;

    @Test
    void chunksPerSecondFromTopicToTopic() throws Exception {
        KAFKA.createTopics(4, "bench-in", "bench-out-1", "bench-out-2", "bench-out-3", "bench-out-4");
        long start = System.nanoTime();
        Cli.run("kafka", "publish", SESSIONS, "--topic", "bench-in", "--bootstrap", KAFKA.bootstrap(), "--quiet");
        report("kafka publish (8 sessions x 300 s)", start);
        // each mode twice, alternating, so that JIT warm-up and machine noise show
        String[] deliveries = {"at-least-once", "exactly-once", "at-least-once", "exactly-once"};
        for (int i = 0; i < deliveries.length; i++) {
            String delivery = deliveries[i];
            String out = "bench-out-" + (i + 1);
            long t0 = System.nanoTime();
            String summary = Cli.run("run", "--source", "kafka:bootstrap=" + KAFKA.bootstrap()
                            + ",topic=bench-in,profile=openbci-cyton,start=earliest,bounded=true,group=" + out,
                    "--sink", "kafka:bootstrap=" + KAFKA.bootstrap() + ",topic=" + out + ",delivery=" + delivery,
                    "--parallelism", "2", "--quiet").err();
            assertTrue(summary.contains("chunks        60000"), summary);
            report("run " + (i + 1) + " kafka -> preprocess -> features -> kafka, " + delivery + " (incl. job start)", t0);
        }
    }

    private static void report(String what, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH %s: %.1f s, %.0f chunks/s, %.0f x real time%n", what, seconds, CHUNKS / seconds,
                8 * 300 / seconds);
    }
}
