package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.bcistream.models.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** Budgeted sampling on a fake clock that advances by a set cost per denoiser call and per noise draw. */
class BudgetedSamplerTest {
    private static final long MS = 1_000_000;

    private final FakeNanoClock clock = new FakeNanoClock();
    private long callCost = 5 * MS;
    private long noiseCost;

    /** A denoiser of 4 values, condition of 1, that costs {@link #callCost} per call. */
    private final Denoiser slowDenoiser = new Denoiser() {
        @Override
        public SampleShape sampleShape() {
            return SampleShape.of(4);
        }

        @Override
        public int conditionSize() {
            return 1;
        }

        @Override
        public void predict(float[] x, int timestep, float[] condition, float[] out) {
            clock.advance(callCost);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.tanh(x[i] + condition[0]);
            }
        }

        @Override
        public void predictUnconditional(float[] x, int timestep, float[] out) {
            clock.advance(callCost);
            Arrays.fill(out, 0);
        }
    };

    /** Zero noise that costs {@link #noiseCost} per vector: the only overhead outside denoiser calls. */
    private final NoiseSource slowNoise = out -> {
        clock.advance(noiseCost);
        Arrays.fill(out, 0.1f);
    };

    private BudgetedSampler sampler(ClassifierFreeGuidance guidance, StepLadder ladder, double safetyDeviations) {
        DdimConfig config = DdimConfig.builder().setSchedule(NoiseSchedule.linear())
                .setPredictionType(PredictionType.V_PREDICTION).optGuidance(guidance).build();
        return new BudgetedSampler(config, slowDenoiser, slowNoise, ladder, new StepCostModel(0.1, safetyDeviations),
                clock);
    }

    private static BudgetedSample run(BudgetedSampler sampler, long budget) {
        return sampler.sample(new float[] {0.2f}, budget, new float[4]);
    }

    @Test
    void firstSampleUsesTheSmallestRungToCalibrate() {
        BudgetedSampler sampler = sampler(ClassifierFreeGuidance.none(), StepLadder.powersOfTwo(8), 0);
        BudgetedSample first = run(sampler, 1_000 * MS);
        assertEquals(new BudgetedSample(1, 5 * MS, 1_000 * MS, false), first);
        assertTrue(sampler.costModel().isCalibrated());
        assertEquals(8, run(sampler, 1_000 * MS).steps());
    }

    @Test
    void choosesTheLargestRungThatFitsTheBudget() {
        BudgetedSampler sampler = sampler(ClassifierFreeGuidance.none(), StepLadder.powersOfTwo(8), 0);
        run(sampler, 100 * MS);
        assertEquals(4, sampler.chooseSteps(22 * MS));
        assertEquals(4, sampler.chooseSteps(39 * MS));
        assertEquals(8, sampler.chooseSteps(40 * MS));
        assertEquals(2, sampler.chooseSteps(10 * MS));
        BudgetedSample sample = run(sampler, 22 * MS);
        assertEquals(new BudgetedSample(4, 20 * MS, 22 * MS, false), sample);
        assertEquals(0, sampler.deadlineMisses());
    }

    @Test
    void guidanceDoublesThePredictedCostPerStep() {
        BudgetedSampler sampler = sampler(new ClassifierFreeGuidance(3, 0.7), StepLadder.powersOfTwo(8), 0);
        run(sampler, 100 * MS);
        BudgetedSample sample = run(sampler, 22 * MS);
        assertEquals(2, sample.steps());
        assertEquals(20 * MS, sample.elapsedNanos());
    }

    @Test
    void overheadOutsideDenoiserCallsCountsAgainstTheBudget() {
        noiseCost = 3 * MS;
        BudgetedSampler sampler = sampler(ClassifierFreeGuidance.none(), StepLadder.powersOfTwo(8), 0);
        assertEquals(8 * MS, run(sampler, 100 * MS).elapsedNanos());
        assertEquals(2, sampler.chooseSteps(22 * MS), "4 steps would take 23 ms");
        assertEquals(4, sampler.chooseSteps(23 * MS));
    }

    @Test
    void runsTheSmallestRungLateAndCountsTheMissWhenNothingFits() {
        BudgetedSampler sampler = sampler(ClassifierFreeGuidance.none(), StepLadder.of(2, 4), 0);
        run(sampler, 100 * MS);
        float[] out = new float[4];
        BudgetedSample late = sampler.sample(new float[] {0.2f}, 3 * MS, out);
        assertEquals(new BudgetedSample(2, 10 * MS, 3 * MS, true), late);
        assertTrue(Float.isFinite(out[0]), "the output is still produced");
        BudgetedSample alreadyLate = run(sampler, -1 * MS);
        assertTrue(alreadyLate.deadlineMissed());
        assertEquals(3, sampler.samples());
        assertEquals(2, sampler.deadlineMisses());
    }

    @Test
    void safetyMarginPicksFewerStepsWhenCallTimesVary() {
        BudgetedSampler plain = sampler(ClassifierFreeGuidance.none(), StepLadder.powersOfTwo(8), 0);
        BudgetedSampler cautious = sampler(ClassifierFreeGuidance.none(), StepLadder.powersOfTwo(8), 2);
        for (int i = 0; i < 40; i++) {
            callCost = (i % 2 == 0 ? 4 : 6) * MS;
            run(plain, 1 * MS);
            run(cautious, 1 * MS);
        }
        assertEquals(4, plain.chooseSteps(21 * MS), "mean 5 ms per call");
        assertEquals(2, cautious.chooseSteps(21 * MS), "about 7 ms per call with two deviations");
    }

    @Test
    void adaptsWhenTheDenoiserSlowsDown() {
        BudgetedSampler sampler = sampler(ClassifierFreeGuidance.none(), StepLadder.powersOfTwo(8), 0);
        run(sampler, 100 * MS);
        assertEquals(8, sampler.chooseSteps(45 * MS));
        callCost = 10 * MS;
        int misses = 0;
        for (int i = 0; i < 30; i++) {
            misses += run(sampler, 45 * MS).deadlineMissed() ? 1 : 0;
        }
        assertEquals(4, sampler.chooseSteps(45 * MS));
        assertTrue(misses > 0 && misses < 30, "misses while adapting: " + misses);
        assertEquals(misses, sampler.deadlineMisses());
    }

    @Test
    void producesWhatThePlainSamplerProducesForTheChosenSteps() {
        DdimConfig config = DdimConfig.builder().setSchedule(NoiseSchedule.linear())
                .setPredictionType(PredictionType.V_PREDICTION).optEta(1).build();
        BudgetedSampler budgeted = new BudgetedSampler(config, slowDenoiser, NoiseSource.gaussian(SplitMix64.of(9)),
                StepLadder.powersOfTwo(8), StepCostModel.withDefaults(), clock);
        float[] fromBudgeted = new float[4];
        BudgetedSample sample = budgeted.sample(new float[] {0.2f}, 100 * MS, fromBudgeted);
        float[] fromPlain = new float[4];
        new DdimSampler(config, slowDenoiser, NoiseSource.gaussian(SplitMix64.of(9)))
                .sample(sample.steps(), new float[] {0.2f}, fromPlain);
        assertArrayEquals(fromPlain, fromBudgeted);
        assertFalse(sample.deadlineMissed());
    }

    @Test
    void rejectsALadderBeyondTheTrainingTimesteps() {
        DdimConfig config = DdimConfig.builder().setSchedule(NoiseSchedule.of(BetaSchedule.LINEAR, 10, 1e-4, 0.02))
                .setPredictionType(PredictionType.EPSILON).build();
        assertThrows(IllegalArgumentException.class, () -> new BudgetedSampler(config, slowDenoiser, slowNoise,
                StepLadder.powersOfTwo(16), StepCostModel.withDefaults(), clock));
        assertThrows(IllegalArgumentException.class, () -> new BudgetedSampler(config, slowDenoiser, slowNoise,
                StepLadder.powersOfTwo(8), StepCostModel.withDefaults(), null));
    }
}
