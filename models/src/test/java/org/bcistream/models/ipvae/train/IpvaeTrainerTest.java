package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bcistream.models.ipvae.InvalidIpvaeException;
import org.bcistream.models.ipvae.IpvaeModel;
import org.junit.jupiter.api.Test;

/** The training loop: determinism under the seed, provenance, progress reports, learning, input checks. */
class IpvaeTrainerTest {
    private static final double[][] FRAMES = SyntheticDictionary.random(6, 8, 1.0, 0.05, 5).sample(96, 6);
    private static final TrainingConfig CONFIG = TrainingConfig.builder()
            .setLatents(8)
            .optUnrolledSteps(6)
            .optEpochs(8)
            .optBatchSize(16)
            .optLearningRate(0.05, 1e-5)
            .optBeta(2)
            .optProgress(10, 24)
            .optSeed(11)
            .build();

    @Test
    void theSameSeedAndDataGiveTheSameModelBitForBit() {
        TrainingResult first = new IpvaeTrainer(CONFIG).train(FRAMES, ProgressListener.silent());
        TrainingResult second = new IpvaeTrainer(CONFIG).train(FRAMES, ProgressListener.silent());
        assertEquals(first.model(), second.model());
        assertEquals(losses(first), losses(second));
        IpvaeModel otherSeed = new IpvaeTrainer(CONFIG.toBuilder().optSeed(12).build())
                .train(FRAMES, ProgressListener.silent()).model();
        assertNotEquals(first.model(), otherSeed);
    }

    @Test
    void recordsProvenanceAndReportsProgress() {
        List<TrainingProgress> reports = new ArrayList<>();
        TrainingResult result = new IpvaeTrainer(CONFIG).train(FRAMES, reports::add);
        assertEquals(11, result.seed());
        assertEquals(CONFIG, result.config());
        assertEquals(DataFingerprint.sha256(FRAMES), result.dataSha256());
        assertEquals(8 * (96 / 16), result.iterations());
        assertEquals(reports, result.history());
        assertEquals(List.of(10, 20, 30, 40, 48), reports.stream().map(TrainingProgress::step).toList());
        for (TrainingProgress p : reports) {
            assertEquals(48, p.totalSteps());
            assertTrue(Double.isFinite(p.loss()) && Double.isFinite(p.r2()), p.toString());
            assertTrue(p.zeroFraction() >= 0 && p.zeroFraction() <= 1, p.toString());
            assertTrue(p.stepsPerSecond() > 0 && p.etaSeconds() >= 0, p.toString());
        }
        assertEquals(0, reports.get(reports.size() - 1).etaSeconds());
        assertTrue(reports.get(0).toString().startsWith("step 10/48 (20.8%) loss "), reports.get(0).toString());
        assertTrue(result.stepsPerSecond() > 0);
        assertEquals(6, result.model().featureCount());
        assertEquals(8, result.model().latentCount());
    }

    @Test
    void trainingLowersTheLossAndRaisesTheFit() {
        // The first iteration runs at learning rate 0 (warm-up), so the first report shows the initial model.
        TrainingResult result = new IpvaeTrainer(CONFIG.toBuilder().optProgress(1, 24).build())
                .train(FRAMES, ProgressListener.silent());
        TrainingProgress first = result.history().get(0);
        TrainingProgress last = result.history().get(result.history().size() - 1);
        assertTrue(last.loss() < 0.8 * first.loss(), first + " -> " + last);
        assertTrue(last.r2() > first.r2() + 0.3, first + " -> " + last);
    }

    @Test
    void refusesFramesItCannotTrainOn() {
        IpvaeTrainer trainer = new IpvaeTrainer(CONFIG);
        ProgressListener silent = ProgressListener.silent();
        assertThrows(InvalidIpvaeException.class, () -> trainer.train(new double[15][6], silent));
        double[][] ragged = new double[20][6];
        ragged[7] = new double[5];
        InvalidIpvaeException e = assertThrows(InvalidIpvaeException.class, () -> trainer.train(ragged, silent));
        assertEquals("frame 7 has 5 values; frame 0 has 6", e.getMessage());
        double[][] notFinite = new double[20][6];
        notFinite[3][2] = Double.NaN;
        e = assertThrows(InvalidIpvaeException.class, () -> trainer.train(notFinite, silent));
        assertEquals("frame 3, feature 2 is NaN, not a finite number", e.getMessage());
        assertThrows(InvalidIpvaeException.class, () -> trainer.train(new double[20][6], null));
    }

    @Test
    void aDivergingRunStopsWithTheIteration() {
        double[][] huge = new double[32][6];
        for (double[] x : huge) {
            Arrays.fill(x, 1e200);
        }
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new IpvaeTrainer(CONFIG).train(huge, ProgressListener.silent()));
        assertTrue(e.getMessage().startsWith("iP-VAE training diverged at iteration 0 of 16"), e.getMessage());
    }

    private static List<Double> losses(TrainingResult result) {
        return result.history().stream().map(TrainingProgress::loss).toList();
    }
}
