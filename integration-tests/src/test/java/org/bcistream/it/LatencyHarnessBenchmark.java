package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
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
import org.bcistream.decoders.generate.BundleGenerators;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.GenerationStatus;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.trigger.TriggerMode;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.job.GenerationFunction;
import org.bcistream.streaming.job.GenerationSettings;
import org.bcistream.streaming.source.SimulationSpec;
import org.bcistream.streaming.source.SyntheticSessionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency harness: the standard configuration (64 EEG channels at 1000 Hz in
 * 10 ms chunks, 250 ms windows every 20 ms, 8 bands: M = 512 features, an iP-VAE with K = 512 latents) run
 * for 60 s of real-time simulated acquisition with 1, 4 and 16 concurrent sessions. For every latent frame it
 * measures ingest -> latent (the newest chunk behind the frame entering the engine, to its posterior) and
 * ingest -> sink, in HdrHistogram; how far ingest fell behind the paced source (lag growth, seconds); the
 * CPU the process used (cores); and the processing-to-real-time ratio (CPU seconds per second of signal per
 * session). With generation ({@link #imagePerCue}, {@link #speechChunks}; untrained networks of the pretrained
 * generators' designs conditioned on the K = 512 latents, since cost does not depend on the weights) it also
 * reports the decoded outputs (deadline met, late, skipped), the step counts the budgeted sampler chose, and the
 * end-to-end latency (acquisition to emission) of the generated ones. Not part of the test suite (no IT suffix); run it with
 * {@code mvn -B -pl integration-tests -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LatencyHarnessBenchmark}
 * and copy the printed lines to docs/benchmarks.md.
 */
class LatencyHarnessBenchmark {
    private static final Map<String, Histogram> HISTOGRAMS = new ConcurrentHashMap<>();
    private static final Map<String, double[]> LAG = new ConcurrentHashMap<>();
    private static final Map<String, Long> STATUS = new ConcurrentHashMap<>();
    private static final Map<Integer, Long> STEPS = new ConcurrentHashMap<>();
    private static final int SECONDS = 60;

    /** Records each latent frame's latencies on arrival. */
    static final class LatencySink implements Sink<SessionOutput> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<SessionOutput> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(SessionOutput output, Context ctx) {
                    DecodedOutput d = output.decoded();
                    if (d != null) {
                        STATUS.merge(d.deadlineMet() ? "met" : d.status() == GenerationStatus.GENERATED ? "late" : d.status().name(), 1L, Long::sum);
                        STEPS.merge(d.generatorSteps(), 1L, Long::sum);
                        if (d.status() == GenerationStatus.GENERATED) {
                            HISTOGRAMS.get("generated").recordValue(Math.max(1, d.latency().endToEndNanos()));
                        }
                        return;
                    }
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

    /** One glyph image per cued trial (per-cue trigger), 50 ms budget, the demo image network with K = 512 conditions. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void imagePerCue(@TempDir Path dir) throws Exception {
        Path bundle = HarnessGenerators.image(dir, 512);
        GenerationSettings generation = new GenerationSettings(new BundleGenerators(bundle.toString(), 1, null, 8, 1, 0), OutputKind.IMAGE,
                Duration.ofMillis(50), 1, 1, 4, GenerationFunction.NanoClock.system());
        SessionPipelineConfig config = standard(1).withTrigger(new TriggerMode.PerCue(0.5));
        for (int sessions : new int[] {1, 4, 16}) {
            run(config, sessions, "image per cue, 50 ms", generation);
        }
    }

    /** Speech in 80 ms chunks (a chunk every 4 frames of 20 ms, over the last 4 frames), 40 ms budget each. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void speechChunks(@TempDir Path dir) throws Exception {
        Path bundle = HarnessGenerators.speechChunk(dir, 512);
        GenerationSettings generation = new GenerationSettings(new BundleGenerators(bundle.toString(), 1, null, 8, 1, 8), OutputKind.SPEECH,
                Duration.ofMillis(40), 1, 1, 4, GenerationFunction.NanoClock.system());
        SessionPipelineConfig config = standard(1).withTrigger(new TriggerMode.Cadence(4, 4));
        for (int sessions : new int[] {1, 4, 16}) {
            run(config, sessions, "speech 80 ms chunks, 40 ms", generation);
        }
    }

    private static void standardConfiguration(int innerSteps) throws Exception {
        SessionPipelineConfig config = standard(innerSteps);
        for (int sessions : new int[] {1, 4, 16}) {
            run(config, sessions, "inner " + innerSteps, null);
        }
    }

    private static SessionPipelineConfig standard(int innerSteps) {
        DeviceProfile profile = DeviceProfiles.builtIn().byId("brainproducts-actichamp-64");
        FeatureConfig features = FeatureConfig.defaults().withWindow(0.25, 0.02).withBands(List.of(
                new FrequencyBand("b1", 4, 8), new FrequencyBand("b2", 8, 12), new FrequencyBand("b3", 12, 16),
                new FrequencyBand("b4", 16, 20), new FrequencyBand("b5", 20, 24), new FrequencyBand("b6", 24, 28),
                new FrequencyBand("b7", 28, 36), new FrequencyBand("b8", 36, 48)));
        PreprocessConfig preprocess = PreprocessConfig.defaults(profile, 1000).withBandPass(1.0, 49.0, 4);
        LatentConfig random = TestModels.latentStage(512, 512, 11);
        LatentConfig latent = new LatentConfig(random.model(), new IpvaeConfig(innerSteps, 0, 10, 10, 24,
                IpvaeConfig.defaults().klForm()), 11);
        return new SessionPipelineConfig(profile, 1000, preprocess, features).withLatent(latent);
    }

    private static void run(SessionPipelineConfig config, int sessions, String label, GenerationSettings generation) throws Exception {
        for (String name : List.of("latent", "sink", "generated")) {
            HISTOGRAMS.put(name, new ConcurrentHistogram(1_000, 3_600_000_000_000L, 3));
        }
        LAG.clear();
        STATUS.clear();
        STEPS.clear();
        SimulationSpec spec = SimulationSpec.parse("sim:profile=brainproducts-actichamp-64,rate=1000,chunk=10,seed=5,duration="
                + SECONDS + "s,sessions=" + sessions + ",pace=realtime");
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(Math.min(sessions, 2));
        env.setBufferTimeout(5);
        DecodingJob.build(DecodingJob.events(env, new SyntheticSessionSource(spec)), config, List.of(new LatencySink()), List.of(),
                List.of(), generation);
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
        System.out.printf(Locale.ROOT, "BENCH %s, %2d sessions: %,d latent frames; ingest->latent p50 %.2f p99 %.2f max %.2f ms; "
                        + "ingest->sink p50 %.2f p99 %.2f max %.2f ms; lag growth %.2f s; CPU %.2f cores over %.1f s wall; "
                        + "%.3f CPU s per signal s per session%n",
                label, sessions, latent.getTotalCount(), ms(latent, 50), ms(latent, 99), latent.getMaxValue() / 1e6,
                ms(sink, 50), ms(sink, 99), sink.getMaxValue() / 1e6, lagGrowth, cpu / wall, wall, cpu / (SECONDS * sessions));
        if (generation != null) {
            Histogram generated = HISTOGRAMS.get("generated");
            System.out.printf(Locale.ROOT, "BENCH %s, %2d sessions: outputs %s, steps %s; acquisition->emitted of generated p50 %.1f "
                            + "p90 %.1f p99 %.1f max %.1f ms%n", label, sessions, new java.util.TreeMap<>(STATUS),
                    new java.util.TreeMap<>(STEPS), ms(generated, 50), ms(generated, 90), ms(generated, 99), generated.getMaxValue() / 1e6);
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
