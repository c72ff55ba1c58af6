package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.bcistream.decoders.generate.GeneratorFactory;
import org.bcistream.decoders.generate.OutputGenerator;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.GenerationStatus;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.decoders.trigger.GenerationRequest;
import org.bcistream.decoders.trigger.TriggerMode;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.job.GenerationFunction;
import org.bcistream.streaming.job.GenerationSettings;
import org.bcistream.streaming.job.RunSummary;
import org.bcistream.streaming.source.SimulationSpec;
import org.bcistream.streaming.source.SyntheticSessionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A generator far slower than the trigger (100 ms per output, one worker, while two sessions at 10x real time
 * ask for 80 outputs per second) must not slow acquisition: the ingest lag of the feature frames stays flat,
 * while every request still yields exactly one decoded output, generated late or skipped because the
 * queue was full, each one a counted deadline miss. The model has K = 512 latents, so the requests (2 KB each)
 * overflow Flink's network buffers within the run: a generation operator that blocked would stall ingest
 * here (it does: the lag grows by about 4 s when the operator's capacity is cut to 1).
 */
class GenerationIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final SimulationSpec SPEC = SimulationSpec.parse("sim:profile=openbci-cyton,seed=3,duration=60s,sessions=2,pace=10x");
    private static final double SPEED = 10;

    /** Sleeps, then returns a fixed payload: a stand-in for an overloaded diffusion model. */
    static final class SlowGenerator implements OutputGenerator {
        private final long millis;

        SlowGenerator(long millis) {
            this.millis = millis;
        }

        @Override
        public OutputKind kind() {
            return OutputKind.SPEECH;
        }

        @Override
        public Generated generate(GenerationRequest request, long budgetNanos) throws InterruptedException {
            Thread.sleep(millis);
            return new Generated(new byte[] {1, 0, 2, 0}, 1);
        }
    }

    @Test
    void aSlowGeneratorMissesDeadlinesWithoutSlowingAcquisition() throws Exception {
        SessionPipelineConfig config = SessionPipelineConfig.defaults(DeviceProfiles.builtIn().byId(SPEC.profileId()))
                .withLatent(TestModels.latentStage(32, 512, 5))
                .withTrigger(new TriggerMode.Cadence(1, 4));
        GeneratorFactory slow = () -> new SlowGenerator(100);
        GenerationSettings generation = new GenerationSettings(slow, OutputKind.SPEECH, Duration.ofMillis(50), 1, 1, 2,
                GenerationFunction.NanoClock.system());

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.setBufferTimeout(5);
        DecodingJob.build(DecodingJob.events(env, new SyntheticSessionSource(SPEC)), config,
                List.of(CollectingSink.named("generation-it")), List.of(), List.of(), generation);
        JobExecutionResult result = env.execute("generation-it");
        List<SessionOutput> outputs = CollectingSink.results("generation-it");

        List<FeatureFrame> frames = outputs.stream().map(SessionOutput::frame).filter(f -> f != null).toList();
        List<DecodedOutput> decoded = outputs.stream().map(SessionOutput::decoded).filter(d -> d != null).toList();
        long latents = outputs.stream().filter(o -> o.latent() != null).count();
        assertEquals(latents, decoded.size(), "one decoded output per request (a request per latent frame)");
        Map<String, Set<Long>> indices = new TreeMap<>();
        for (DecodedOutput d : decoded) {
            assertTrue(indices.computeIfAbsent(d.sessionId(), s -> new TreeSet<>()).add(d.index()), "duplicate " + d);
            assertFalse(d.deadlineMet(), "100 ms of generation cannot meet a 50 ms budget: " + d);
        }
        indices.forEach((session, seen) -> assertEquals(seen.size() - 1, (long) ((TreeSet<Long>) seen).last(),
                "requests 0..n-1 of " + session + " all answered"));
        // ingest lag: when each frame's last chunk was ingested, against when the paced source released it
        for (String session : indices.keySet()) {
            List<FeatureFrame> own = frames.stream().filter(f -> f.sessionId().equals(session)).toList();
            double firstLag = lag(own.get(0));
            double lastLag = lag(own.get(own.size() - 1));
            System.out.printf("%s: %d frames, ingest lag grew by %.3f s%n", session, own.size(), lastLag - firstLag);
            // with a blocking generation operator instead, this grows by about 4 s in this run (measured)
            assertTrue(lastLag - firstLag < 2.0, session + ": ingest fell behind by " + (lastLag - firstLag) + " s");
        }
        long skipped = decoded.stream().filter(d -> d.status() == GenerationStatus.SKIPPED_QUEUE_FULL).count();
        long generated = decoded.stream().filter(d -> d.status() == GenerationStatus.GENERATED).count();
        assertTrue(skipped > decoded.size() / 2, "most requests find the queue full: " + skipped + " of " + decoded.size());
        assertTrue(generated > 10, "the worker keeps generating: " + generated);
        assertEquals(decoded.size(), generated + skipped);

        Map<String, Object> counters = result.getAllAccumulatorResults();
        assertEquals(generated, ((Number) counters.get(RunSummary.GENERATED)).longValue());
        assertEquals(skipped, ((Number) counters.get(RunSummary.GENERATIONS_SKIPPED)).longValue());
        assertEquals((long) decoded.size(), ((Number) counters.get(RunSummary.DEADLINES_MISSED)).longValue());

    }

    /** Seconds between a frame's ingest and the source-time instant it was due at the paced speed (up to a constant). */
    private static double lag(FeatureFrame frame) {
        return frame.ingestNanos() / 1e9 - frame.frameTime() / SPEED;
    }
}
