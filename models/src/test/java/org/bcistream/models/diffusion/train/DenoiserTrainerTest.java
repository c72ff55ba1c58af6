package org.bcistream.models.diffusion.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bcistream.models.diffusion.NoiseSchedule;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.junit.jupiter.api.Test;

class DenoiserTrainerTest {
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.linear().withZeroTerminalSnr();

    @Test
    void theSameSeedGivesTheSameWeightsBitForBit() {
        TrainingResult first = run(TinyNets.speech(1), 42);
        TrainingResult second = run(TinyNets.speech(1), 42);
        TrainingResult other = run(TinyNets.speech(1), 43);
        assertSameWeights(first.weights(), second.weights());
        assertSameWeights(first.emaWeights(), second.emaWeights());
        assertFalse(Arrays.equals(first.weights().get("conv_out.weight"), other.weights().get("conv_out.weight")));
        assertEquals(42, first.seed());
    }

    @Test
    void progressAndCheckpointsArriveOnSchedule() {
        List<TrainingProgress> reports = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        TrainerConfig config = TrainerConfig.builder().setSteps(7).setSeed(3).optBatchSize(2).optProgressInterval(3)
                .optCheckpointInterval(5).build();
        long[] now = {0};
        ConditionalNetwork network = TinyNets.image(1);
        TrainingResult result = new DenoiserTrainer(config, SCHEDULE, () -> now[0] += 500_000_000L).train(network,
                new ToyData(3, 3, 64, 0, 1), new TrainingListener() {
                    @Override
                    public void onProgress(TrainingProgress progress) {
                        reports.add(progress);
                    }

                    @Override
                    public void onCheckpoint(Checkpoint checkpoint) {
                        checkpoints.add(checkpoint);
                    }
                });
        assertEquals(List.of(3, 6, 7), reports.stream().map(TrainingProgress::step).toList());
        // the fake clock advances 0.5 s per reading: one at the start, one per report
        assertEquals(3 / 0.5, reports.get(0).stepsPerSecond(), 1e-9);
        assertEquals((7 - 3) / 6.0, reports.get(0).etaSeconds(), 1e-9);
        assertEquals(6 / 1.0, reports.get(1).stepsPerSecond(), 1e-9);
        assertTrue(reports.get(2).toString().startsWith("step 7/7 (100.0%) loss "), reports.get(2).toString());
        assertEquals(1, checkpoints.size());
        assertEquals(5, checkpoints.get(0).step());
        assertEquals(network.shapes().keySet(), checkpoints.get(0).emaWeights().keySet());
        assertEquals(reports.get(2).loss(), result.finalLoss());
        assertSameWeights(network.weights(), result.weights());
    }

    @Test
    void dataOfTheWrongShapeIsRejectedWithItsIndex() {
        TrainerConfig config = TrainerConfig.builder().setSteps(1).setSeed(1).optBatchSize(1).build();
        DenoiserTrainer trainer = new DenoiserTrainer(config, SCHEDULE);
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TinyNets.image(1), new ToyData(1, 3, 63, 0, 1), TrainingListener.silent()));
        assertTrue(target.getMessage().contains("target 0 must have 64 values; got 63"), target.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TinyNets.image(1), new ToyData(1, 4, 64, 0, 1), TrainingListener.silent()));
        IllegalArgumentException context = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TinyNets.speech(1), new ToyData(1, 3, 15, 0, 1), TrainingListener.silent()));
        assertTrue(context.getMessage().contains("context 0 must have 10 values; got 0"), context.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TinyNets.image(1), new ToyData(0, 3, 64, 0, 1), TrainingListener.silent()));
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainerConfig.builder().setSteps(10).build());
        assertThrows(IllegalArgumentException.class,
                () -> TrainerConfig.builder().setSteps(10).setSeed(1).optConditionDropout(1).build());
        assertThrows(IllegalArgumentException.class,
                () -> TrainerConfig.builder().setSteps(10).setSeed(1).optEmaDecay(1).build());
        assertThrows(IllegalArgumentException.class,
                () -> TrainerConfig.builder().setSteps(10).setSeed(1).optBetas(0.9, 1).build());
        assertThrows(IllegalArgumentException.class,
                () -> TrainerConfig.builder().setSteps(10).setSeed(1).optGradientClipNorm(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> TrainerConfig.builder().setSteps(0).setSeed(1).build());
    }

    private static TrainingResult run(ConditionalNetwork network, long seed) {
        TrainerConfig config = TrainerConfig.builder().setSteps(6).setSeed(seed).optBatchSize(3)
                .optLearningRate(1e-2).optConditionDropout(0.3).build();
        return new DenoiserTrainer(config, SCHEDULE).train(network,
                new ToyData(5, 3, network.sampleShape().size(), network.contextSize(), 9), TrainingListener.silent());
    }

    private static void assertSameWeights(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), 0f, name);
        }
    }
}
