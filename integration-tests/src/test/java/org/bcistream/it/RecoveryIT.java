package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.sink.OutputJson;
import org.bcistream.streaming.source.SimulationSpec;
import org.bcistream.streaming.source.SyntheticSessionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A task fails mid-run after a checkpoint; Flink restores the source's simulator state and every session's
 * filter, window, normaliser and iP-VAE posterior state from that checkpoint. Every output after the restore must be exactly
 * what the uninterrupted plain-Java pipeline gives: replayed lines are identical to the first ones, and
 * nothing is missing.
 */
class RecoveryIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** Paced at 10x so the 20 s sessions take about 2 s and several checkpoints complete. */
    private static final SimulationSpec SPEC = SimulationSpec.parse("sim:profile=openbci-cyton,seed=3,duration=20s,sessions=3,pace=10x");


    @Test
    void restoredSessionsContinueExactlyWhereTheCheckpointLeftThem() throws Exception {
        // with a latent stage: each session's iP-VAE posterior and sampler state must come back exactly too
        SessionPipelineConfig config = SessionPipelineConfig.defaults(DeviceProfiles.builtIn().byId(SPEC.profileId()))
                .withLatent(TestModels.latentStage(32, 16, 7));
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(100);

        DecodingJob.decode(env.fromSource(new SyntheticSessionSource(SPEC), WatermarkStrategy.noWatermarks(), "sim"), config)
                .map(new InjectedFailure("recovery-it", 150, 0))
                .map(OutputJson::line)
                .sinkTo(CollectingSink.named("recovery-it"));
        env.execute("recovery-it");

        assertTrue(InjectedFailure.happened("recovery-it"), "the injected failure never happened, so nothing was restored");
        Map<String, List<String>> expected = PlainPipeline.outputs(PlainPipeline.events(SPEC), config);
        List<String> collected = CollectingSink.results("recovery-it");
        Map<String, TreeSet<String>> distinct = new TreeMap<>();
        for (String line : collected) {
            distinct.computeIfAbsent(PlainPipeline.sessionOf(line), s -> new TreeSet<>()).add(line);
        }
        assertEquals(expected.keySet(), distinct.keySet());
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            TreeSet<String> want = new TreeSet<>(e.getValue());
            assertEquals(e.getValue().size(), want.size(), "reference lines of a session are unique");
            // a replayed frame computed from wrongly restored state would be an extra, different line
            TreeSet<String> unexpected = new TreeSet<>(distinct.get(e.getKey()));
            unexpected.removeAll(want);
            TreeSet<String> missing = new TreeSet<>(want);
            missing.removeAll(distinct.get(e.getKey()));
            assertTrue(unexpected.isEmpty() && missing.isEmpty(), () -> String.format(
                    "%s after recovery: %d unexpected lines (first %s), %d missing (first %s)", e.getKey(),
                    unexpected.size(), unexpected.isEmpty() ? "-" : unexpected.first(), missing.size(),
                    missing.isEmpty() ? "-" : missing.first()));
        }
        assertTrue(collected.size() >= expected.values().stream().mapToInt(List::size).sum());
    }
}
