package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.source.LslSessionSource;
import org.bcistream.streaming.source.LslSourceSpec;
import org.bcistream.streaming.source.LslSplit;
import org.bcistream.streaming.source.SessionCursor;
import org.bcistream.streaming.source.SessionCursors;
import org.junit.jupiter.api.Test;

/**
 * Two processes on loopback: {@code bcistream lsl play} of a simulated session in a child JVM, the engine's LSL
 * source in this one. The sender is killed mid-stream and started again: every sample it sent arrives once, in
 * order, with its values; the loss and the recovery are reported as markers.
 */
class LslTwoProcessIT {
    private static final String SIM = "sim:profile=openbci-cyton,seed=13,duration=20s";
    private static final String SOURCE_ID = "bcistream-play:sim-1";

    private static Process play() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.bcistream.streaming.cli.BciStream", "lsl", "play", SIM, "--wait-for-consumers", "20");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    @Test
    void everySampleOfAKilledAndRestartedSenderArrivesOnceInOrder() throws Exception {
        float[] expected = simulatedSamples();
        Process first = play();
        Process second = null;
        List<SessionEvent> events;
        try {
            LslSourceSpec spec = LslSourceSpec.parse("lsl:source_id=" + SOURCE_ID + ",resolve-timeout=20s");
            Configuration conf = new Configuration();
            conf.set(PipelineOptions.GENERIC_TYPES, false);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            env.setParallelism(1);
            DecodingJob.events(env, new LslSessionSource(List.of(new LslSplit(1, spec.toString(), "cap", SOURCE_ID))))
                    .sinkTo(CollectingSink.named("lsl-2p"));
            JobClient job = env.executeAsync("lsl-two-process-it");
            awaitSamples(500, false); // 2 s of data from the first sender
            first.destroyForcibly().waitFor();
            Thread.sleep(2000);
            second = play();
            awaitSamples(500, true); // the inlet reconnected and 2 s more arrived
            job.cancel().get();
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly().waitFor();
            }
        }
        events = CollectingSink.results("lsl-2p");
        List<float[]> runs = new ArrayList<>();
        List<Float> current = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        for (SessionEvent e : events) {
            if (e.marker() != null) {
                markers.add(e.marker().label());
                if (e.marker().label().startsWith("stream recovered")) {
                    runs.add(toArray(current));
                    current.clear();
                }
            } else {
                SignalChunk c = e.chunk();
                for (float v : c.samples()) {
                    current.add(v);
                }
            }
        }
        runs.add(toArray(current));
        assertTrue(markers.stream().anyMatch(m -> m.startsWith("stream lost")), markers.toString());
        assertEquals(2, runs.size(), "one recovery: " + markers);
        for (float[] run : runs) {
            // each sender run sends the session from its start: what arrived is exactly a prefix of it, in order
            assertTrue(run.length >= 8 * 500, run.length / 8 + " samples");
            assertEquals(0, run.length % 8);
            for (int i = 0; i < run.length; i++) {
                if (run[i] != expected[i]) {
                    throw new AssertionError("value " + i + " (sample " + i / 8 + ") is " + run[i] + ", sent " + expected[i]);
                }
            }
        }
        List<Double> stamps = new ArrayList<>();
        events.stream().map(SessionEvent::chunk).filter(c -> c != null).forEach(c -> {
            for (double t : c.timestamps()) {
                stamps.add(t);
            }
        });
        for (int i = 1; i < stamps.size(); i++) {
            assertTrue(stamps.get(i) >= stamps.get(i - 1), "time stamps never go back");
        }
    }

    /** Waits (at most 60 s) until {@code samples} samples arrived, counting only after a recovery if asked. */
    private static void awaitSamples(int samples, boolean afterRecovery) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            int count = 0;
            boolean recovered = false;
            for (Object o : CollectingSink.results("lsl-2p")) {
                SessionEvent e = (SessionEvent) o;
                if (e.marker() != null && e.marker().label().startsWith("stream recovered")) {
                    recovered = true;
                    count = 0;
                } else if (e.chunk() != null) {
                    count += e.chunk().sampleCount();
                }
            }
            if (count >= samples && (recovered || !afterRecovery)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 60 s for " + samples + " samples" + (afterRecovery ? " after a recovery" : ""));
    }

    private static float[] simulatedSamples() throws Exception {
        SessionCursors sessions = SessionCursors.open(SIM, DeviceProfiles.builtIn());
        List<Float> all = new ArrayList<>();
        try (SessionCursor<?> cursor = sessions.cursors().get(0)) {
            while (cursor.hasNext()) {
                for (SessionEvent e : cursor.nextBlock(0)) {
                    if (e.chunk() != null) {
                        for (float v : e.chunk().samples()) {
                            all.add(v);
                        }
                    }
                }
            }
        }
        return toArray(all);
    }

    private static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
