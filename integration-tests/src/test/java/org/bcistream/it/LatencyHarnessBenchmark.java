package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.bcistream.decoders.features.FeatureConfig;
import org.bcistream.decoders.features.FrequencyBand;
import org.bcistream.decoders.latent.LatentConfig;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.preprocess.PreprocessConfig;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.source.SimulationSpec;
import org.bcistream.streaming.source.SyntheticSessionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The latency harness, acquisition to latent part: the standard configuration (64 EEG channels at 1000 Hz in
 * 10 ms chunks, 250 ms windows every 20 ms, 8 bands: M = 512 features, an iP-VAE with K = 512 latents) run
 * for 60 s of real-time simulated acquisition with 1, 4 and 16 concurrent sessions. For every latent frame it
 * measures ingest -> latent (the newest chunk behind the frame entering the engine, to its posterior) and
 * ingest -> sink, in HdrHistogram; how far ingest fell behind the paced source (lag growth, seconds); the
 * CPU the process used (cores); and the processing-to-real-time ratio (CPU seconds per second of signal per
 * session). Not part of the test suite (no IT suffix); run it with
 * {@code mvn -B -pl integration-tests -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LatencyHarnessBenchmark}
 * and copy the printed lines to docs/benchmarks.md.
 */
class LatencyHarnessBenchmark {
    private static final Map<String, Histogram> HISTOGRAMS = new ConcurrentHashMap<>();
    private static final Map<String, double[]> LAG = new ConcurrentHashMap<>();
    private static final int SECONDS = 60;

    /** Records each latent frame's latencies on arrival. */
    static final class LatencySink implements Sink<SessionOutput> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<SessionOutput> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(SessionOutput output, Context ctx) {
                    LatentFrame l = output.latent();
                    if (l == null) {
                        return;
                    }
                    long now = System.nanoTime();
                    HISTOGRAMS.get("latent").recordValue(Math.max(1, l.latentNanos() - l.ingestNanos()));
                    HISTOGRAMS.get("sink").recordValue(Math.max(1, now - l.ingestNanos()));
                    // lag = ingest instant minus the source-time instant, relative to the session's first frame
                    double lag = l.ingestNanos() / 1e9 - l.frameTime();
                    LAG.compute(l.sessionId(), (k, v) -> v == null ? new double[] {lag, 0} : new double[] {v[0], Math.max(v[1], lag - v[0])});
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void oneUpdatePerFrame() throws Exception {
        standardConfiguration(1);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void thirtyTwoUpdatesPerFrame() throws Exception {
        standardConfiguration(32);
    }

    private static void standardConfiguration(int innerSteps) throws Exception {
        DeviceProfile profile = DeviceProfiles.builtIn().byId("brainproducts-actichamp-64");
        FeatureConfig features = FeatureConfig.defaults().withWindow(0.25, 0.02).withBands(List.of(
                new FrequencyBand("b1", 4, 8), new FrequencyBand("b2", 8, 12), new FrequencyBand("b3", 12, 16),
                new FrequencyBand("b4", 16, 20), new FrequencyBand("b5", 20, 24), new FrequencyBand("b6", 24, 28),
                new FrequencyBand("b7", 28, 36), new FrequencyBand("b8", 36, 48)));
        PreprocessConfig preprocess = PreprocessConfig.defaults(profile, 1000).withBandPass(1.0, 49.0, 4);
        LatentConfig random = TestModels.latentStage(512, 512, 11);
        LatentConfig latent = new LatentConfig(random.model(), new IpvaeConfig(innerSteps, 0, 10, 10, 24,
                IpvaeConfig.defaults().klForm()), 11);
        SessionPipelineConfig config = new SessionPipelineConfig(profile, 1000, preprocess, features).withLatent(latent);
        for (int sessions : new int[] {1, 4, 16}) {
            run(config, sessions, innerSteps);
        }
    }

    private static void run(SessionPipelineConfig config, int sessions, int innerSteps) throws Exception {
        HISTOGRAMS.put("latent", new ConcurrentHistogram(1_000, 3_600_000_000_000L, 3));
        HISTOGRAMS.put("sink", new ConcurrentHistogram(1_000, 3_600_000_000_000L, 3));
        LAG.clear();
        SimulationSpec spec = SimulationSpec.parse("sim:profile=brainproducts-actichamp-64,rate=1000,chunk=10,seed=5,duration="
                + SECONDS + "s,sessions=" + sessions + ",pace=realtime");
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(Math.min(sessions, 2));
        env.setBufferTimeout(5);
        DecodingJob.build(DecodingJob.events(env, new SyntheticSessionSource(spec)), config, List.of(new LatencySink()), List.of(),
                List.of());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        env.execute("latency-harness");
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        Histogram latent = HISTOGRAMS.get("latent");
        Histogram sink = HISTOGRAMS.get("sink");
        double lagGrowth = LAG.values().stream().mapToDouble(v -> v[1]).max().orElse(Double.NaN);
        assertTrue(latent.getTotalCount() > 0, "latent frames were measured");
        System.out.printf(Locale.ROOT, "BENCH inner %2d, %2d sessions: %,d latent frames; ingest->latent p50 %.2f p99 %.2f max %.2f ms; "
                        + "ingest->sink p50 %.2f p99 %.2f max %.2f ms; lag growth %.2f s; CPU %.2f cores over %.1f s wall; "
                        + "%.3f CPU s per signal s per session%n",
                innerSteps, sessions, latent.getTotalCount(), ms(latent, 50), ms(latent, 99), latent.getMaxValue() / 1e6,
                ms(sink, 50), ms(sink, 99), sink.getMaxValue() / 1e6, lagGrowth, cpu / wall, wall, cpu / (SECONDS * sessions));
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
