package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.bcistream.streaming.source.LslSessionSource;
import org.bcistream.streaming.source.LslSourceSpec;
import org.bcistream.streaming.source.LslSplit;
import org.junit.jupiter.api.Test;

/**
 * A live LSL stream into the job: an in-process outlet (the pure-Java LSL implementation, on loopback) sends a
 * Cyton-like stream at real time, goes away for 1.5 s and comes back with the same source id; the job decodes it
 * live, and reports the loss and the recovery as markers instead of going quiet.
 */
class LslSourceIT {
    private static final String SOURCE_ID = "bcistream-it-cyton";
    private static final DeviceProfile CYTON = DeviceProfiles.builtIn().byId("openbci-cyton");

    @Test
    void aLiveStreamIsDecodedAndItsLossAndRecoveryAreReported() throws Exception {
        AtomicReference<Throwable> pusherFailure = new AtomicReference<>();
        try (LslRuntime lsl = Lsl.open()) {
            StreamInfo info = new StreamInfo("obci_eeg1", "EEG", 8, 250, ChannelFormat.FLOAT32, SOURCE_ID);
            StreamOutlet first = lsl.createOutlet(info);
            Thread pusher = new Thread(() -> {
                try {
                    first.waitForConsumers(30); // the job's inlet
                    push(first, 8.0);
                    first.close();
                    Thread.sleep(1500);
                    StreamOutlet second = lsl.createOutlet(info);
                    second.waitForConsumers(30); // the inlet's recovery
                    push(second, 4.0);
                    second.close();
                } catch (Throwable t) {
                    pusherFailure.set(t);
                }
            }, "lsl-it-pusher");

            LslSourceSpec spec = LslSourceSpec.parse("lsl:source_id=" + SOURCE_ID + ",resolve-timeout=5s");
            Configuration conf = new Configuration();
            conf.set(PipelineOptions.GENERIC_TYPES, false);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            env.setParallelism(1);
            env.setBufferTimeout(5);
            DecodingJob.decode(DecodingJob.events(env, new LslSessionSource(List.of(new LslSplit(1, spec.toString(), "cap", SOURCE_ID)))),
                    SessionPipelineConfig.defaults(CYTON)).sinkTo(CollectingSink.named("lsl-it"));
            JobClient job = env.executeAsync("lsl-it");
            pusher.start();
            pusher.join(30_000);
            Thread.sleep(1500);
            job.cancel().get();
        }
        assertEquals(null, pusherFailure.get());
        List<SessionOutput> outputs = CollectingSink.results("lsl-it");
        List<FeatureFrame> frames = outputs.stream().map(SessionOutput::frame).filter(f -> f != null).toList();
        List<String> markers = outputs.stream().map(SessionOutput::marker).filter(m -> m != null).map(MarkerEvent::label).toList();
        // 12 s of signal at 4 frames/s, of which the first 20 windows train the normaliser
        assertTrue(frames.size() >= 10, frames.size() + " frames");
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i).frameTime() > frames.get(i - 1).frameTime(), "frame times increase");
        }
        assertTrue(markers.stream().anyMatch(m -> m.startsWith("stream lost: obci_eeg1 sent no samples")), markers.toString());
        assertTrue(markers.stream().anyMatch(m -> m.startsWith("stream recovered: obci_eeg1 after")), markers.toString());
    }

    /** Pushes a Cyton-like signal at real time: 10 samples of 8 channels every 40 ms. */
    private static void push(StreamOutlet outlet, double seconds) throws InterruptedException {
        float[] chunk = new float[80];
        long start = System.nanoTime();
        for (int c = 0; c < seconds * 25; c++) {
            for (int i = 0; i < 10; i++) {
                for (int ch = 0; ch < 8; ch++) {
                    chunk[i * 8 + ch] = (float) (20 * Math.sin(2 * Math.PI * 10 * (c * 10 + i) / 250.0 + ch));
                }
            }
            outlet.pushChunk(chunk, 10, Lsl.localClock(), true);
            long due = start + (c + 1) * 40_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
