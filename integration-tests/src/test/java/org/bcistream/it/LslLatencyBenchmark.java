package org.bcistream.it;

import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.junit.jupiter.api.Test;

/**
 * Loopback latency of the pure-Java LSL implementation from push to pull: 64 channels at 1000 Hz in 10 ms chunks
 * for 30 s, each chunk stamped with the LSL clock when pushed, the pulling thread blocking in {@code pullChunk} with a
 * buffer of one chunk (liblsl's semantics: a pull with a timeout returns when the buffer is full);
 * latency = the LSL clock when the chunk was pulled minus its stamp. Not part of the test suite (no IT suffix);
 * run it with
 * {@code mvn -B -pl integration-tests -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LslLatencyBenchmark}.
 */
class LslLatencyBenchmark {
    private static final int CHANNELS = 64;
    private static final int CHUNK = 10;
    private static final int CHUNKS = 3000;

    @Test
    void pushToPullLatency() throws Exception {
        Histogram latencyMicros = new Histogram(1, 10_000_000, 3);
        try (LslRuntime lsl = Lsl.open()) {
            StreamOutlet outlet = lsl.createOutlet(new StreamInfo("bench64", "EEG", CHANNELS, 1000, ChannelFormat.FLOAT32, "bench64-src"));
            StreamInlet inlet = lsl.createInlet(lsl.resolveByProperty("source_id", "bench64-src", 1, 5.0).get(0));
            inlet.openStream(5.0);
            Thread pusher = new Thread(() -> {
                float[] data = new float[CHANNELS * CHUNK];
                long start = System.nanoTime();
                for (int c = 0; c < CHUNKS; c++) {
                    data[0] = c;
                    outlet.pushChunk(data, CHUNK, Lsl.localClock(), true);
                    long wait = start + (c + 1) * 10_000_000L - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "bench-pusher");
            pusher.start();
            // a buffer of one chunk: a blocking pullChunk returns when it is full, i.e. when a whole chunk arrived
            float[] buffer = new float[CHANNELS * CHUNK];
            double[] stamps = new double[CHUNK];
            int received = 0;
            while (received < CHUNKS * CHUNK) {
                int n = inlet.pullChunk(buffer, stamps, 1.0);
                double now = Lsl.localClock();
                for (int i = 0; i < n; i++) {
                    if ((received + i) % CHUNK == CHUNK - 1) { // the chunk's last sample carries the push time
                        latencyMicros.recordValue(Math.max(1, Math.round((now - stamps[i]) * 1e6)));
                    }
                }
                received += n;
            }
            pusher.join();
            outlet.close();
            inlet.close();
        }
        System.out.printf(Locale.ROOT, "BENCH LSL loopback push->pull, 64 ch x 1000 Hz in 10 ms chunks, %d chunks: p50 %.3f ms, p90 %.3f ms, "
                        + "p99 %.3f ms, max %.3f ms%n", latencyMicros.getTotalCount(), latencyMicros.getValueAtPercentile(50) / 1e3,
                latencyMicros.getValueAtPercentile(90) / 1e3, latencyMicros.getValueAtPercentile(99) / 1e3, latencyMicros.getMaxValue() / 1e3);
    }
}
