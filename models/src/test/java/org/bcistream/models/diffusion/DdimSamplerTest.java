package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.bcistream.models.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** The DDIM step of spec ddim.md A.2-A.10 on small, hand-checkable cases. */
class DdimSamplerTest {
    private static final NoiseSchedule LINEAR = NoiseSchedule.linear();

    private static DdimConfig.Builder config(NoiseSchedule schedule, PredictionType prediction) {
        return DdimConfig.builder().setSchedule(schedule).setPredictionType(prediction);
    }

    /** x after one step of a sampler built from the config, starting from x. */
    private static float stepOnce(DdimConfig config, Denoiser denoiser, NoiseSource noise, int t, int previous,
            double x) {
        float[] sample = {(float) x};
        new DdimSampler(config, denoiser, noise).step(t, previous, null, sample);
        return sample[0];
    }

    @Test
    void trailingFourStepsOnLinearScheduleUseSpecTimestepsAndAlphaBars() {
        DdimSampler sampler = new DdimSampler(config(LINEAR, PredictionType.EPSILON).build(),
                ElementwiseDenoiser.scalar((x, t) -> 0), new ConstantNoise(0));
        int[] timesteps = sampler.timesteps(4);
        assertArrayEquals(new int[] {999, 749, 499, 249}, timesteps);
        double[] expected = {4.036e-5, 0.0033506, 0.078587, 0.52409};
        double[] tolerance = {5e-9, 5e-8, 5e-7, 5e-6};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], LINEAR.alphaCumprod(timesteps[i]), tolerance[i], "t=" + timesteps[i]);
        }
    }

    /**
     * Spec A.10 coefficient table. With x̂₀ = 1 (sample prediction of 1) and x = √ᾱ_t + e·√(1−ᾱ_t), ε̂ = e, so
     * a step gives a + e·b + σ·z: e = 0 isolates a, e = 1 adds b, a noise of ones adds σ.
     */
    @Test
    void stepCoefficientsMatchSpecTable() {
        int[][] steps = {{999, 749}, {749, 499}, {499, 249}, {249, -1}};
        double[][] expected = { // a, b at eta 0, sigma at eta 1, b at eta 1
            {0.05788, 0.99832, 0.99231, 0.10939},
            {0.28033, 0.95990, 0.94079, 0.19057},
            {0.72394, 0.68987, 0.66261, 0.19199},
            {1, 0, 0, 0},
        };
        Denoiser one = ElementwiseDenoiser.scalar((x, t) -> 1);
        DdimConfig deterministic = config(LINEAR, PredictionType.SAMPLE).build();
        DdimConfig ancestral = config(LINEAR, PredictionType.SAMPLE).optEta(1).build();
        for (int row = 0; row < steps.length; row++) {
            int t = steps[row][0];
            int previous = steps[row][1];
            double signal = Math.sqrt(LINEAR.alphaCumprod(t));
            double noise = Math.sqrt(1 - LINEAR.alphaCumprod(t));
            double a = stepOnce(deterministic, one, new ConstantNoise(0), t, previous, signal);
            double b = stepOnce(deterministic, one, new ConstantNoise(0), t, previous, signal + noise) - a;
            double sigma = stepOnce(ancestral, one, new ConstantNoise(1), t, previous, signal) - a;
            double ancestralB = stepOnce(ancestral, one, new ConstantNoise(1), t, previous, signal + noise) - a - sigma;
            String where = t + " -> " + previous;
            assertEquals(expected[row][0], a, 6e-6, "a " + where);
            assertEquals(expected[row][1], b, 6e-6, "b " + where);
            assertEquals(expected[row][2], sigma, 6e-6, "sigma " + where);
            assertEquals(expected[row][3], ancestralB, 6e-6, "b(eta=1) " + where);
        }
    }

    @Test
    void exactTwoPointDenoiserReproducesSpecTraceAndConvergesWithMoreSteps() {
        DdimConfig config = config(LINEAR, PredictionType.SAMPLE).build();
        TwoPointOracleDenoiser oracle = new TwoPointOracleDenoiser(LINEAR);
        float[] x = {0.3f};
        new DdimSampler(config, oracle, new ConstantNoise(0)).denoise(4, null, x);
        List<Double> posteriorMeans = oracle.outputs();
        double[] expectedMeans = {0.0019, 0.0174, 0.0886, 0.3710};
        for (int i = 0; i < 4; i++) {
            assertEquals(expectedMeans[i], posteriorMeans.get(i), 5e-5, "x0 estimate at step " + i);
        }
        assertEquals(0.371, x[0], 5e-4, "spec A.10: 4 trailing steps return a blurred mean");

        double[] finals = new double[4];
        int[] stepCounts = {1, 4, 10, 20};
        for (int i = 0; i < stepCounts.length; i++) {
            float[] start = {0.3f};
            new DdimSampler(config, new TwoPointOracleDenoiser(LINEAR), new ConstantNoise(0))
                    .denoise(stepCounts[i], null, start);
            finals[i] = start[0];
        }
        assertEquals(0.0019, finals[0], 5e-5, "S = 1 returns the data mean");
        assertEquals(0.9998, finals[2], 5e-5, "S = 10");
        assertEquals(1.0, finals[3], 5e-5, "S = 20 reaches the mode");
        assertTrue(finals[0] < finals[1] && finals[1] < finals[2] && finals[2] < finals[3], Arrays.toString(finals));
    }

    /**
     * With ε-prediction of 0 a step scales x by √(ᾱ_t′/ᾱ_t), so the input of each call reveals which ᾱ the
     * previous step landed on.
     */
    @Test
    void nextTimestepIsLookedUpInTheListNotComputedAsTMinusTOverS() {
        ElementwiseDenoiser zero = ElementwiseDenoiser.scalar((x, t) -> 0);
        float[] x = {1};
        new DdimSampler(config(LINEAR, PredictionType.EPSILON).optSpacing(TimestepSpacing.LINSPACE).build(), zero,
                new ConstantNoise(0)).denoise(4, null, x);
        assertEquals(List.of(999, 666, 333, 0), zero.timesteps());
        double fromFirst = Math.sqrt(LINEAR.alphaCumprod(666) / LINEAR.alphaCumprod(999));
        assertEquals(fromFirst, zero.firstInputs().get(1), fromFirst * 1e-6, "999 lands on 666, not 749");
        double toFinal = Math.sqrt(1 / LINEAR.alphaCumprod(999));
        assertEquals(toFinal, x[0], toFinal * 1e-6, "the last step lands on alpha bar 1");
    }

    @Test
    void setAlphaToOneFalseEndsOnAlphaBarZero() {
        ElementwiseDenoiser zero = ElementwiseDenoiser.scalar((x, t) -> 0);
        DdimConfig config = config(LINEAR, PredictionType.EPSILON).optSpacing(TimestepSpacing.LEADING)
                .optSetAlphaToOne(false).build();
        assertEquals(LINEAR.alphaCumprod(0), config.finalAlphaCumprod());
        float[] x = {1};
        new DdimSampler(config, zero, new ConstantNoise(0)).denoise(4, null, x);
        double expected = Math.sqrt(LINEAR.alphaCumprod(0) / LINEAR.alphaCumprod(750));
        assertEquals(expected, x[0], expected * 1e-6);
    }

    @Test
    void stepsOffsetShiftsTheEvaluatedTimesteps() {
        ElementwiseDenoiser zero = ElementwiseDenoiser.scalar((x, t) -> 0);
        new DdimSampler(config(NoiseSchedule.scaledLinear(), PredictionType.EPSILON)
                .optSpacing(TimestepSpacing.LEADING).optStepsOffset(1).build(), zero, new ConstantNoise(0))
                .denoise(4, null, new float[] {1});
        assertEquals(List.of(751, 501, 251, 1), zero.timesteps());
    }

    @Test
    void zeroTerminalSnrSamplingStaysFiniteForEveryPredictionType() {
        NoiseSchedule zeroSnr = LINEAR.withZeroTerminalSnr();
        for (PredictionType prediction : PredictionType.values()) {
            for (int steps : new int[] {1, 2, 4, 10}) {
                float[] x = new float[8];
                new DdimSampler(config(zeroSnr, prediction).optEta(0.5).build(),
                        new ElementwiseDenoiser(8, 0, (value, t) -> Math.tanh(value), Float.NaN),
                        NoiseSource.gaussian(SplitMix64.of(3))).sample(steps, null, x);
                for (float value : x) {
                    assertTrue(Float.isFinite(value), prediction + " S=" + steps + ": " + Arrays.toString(x));
                }
            }
        }
    }

    @Test
    void epsilonPredictionAtZeroSnrDividesByTheFloor() {
        NoiseSchedule zeroSnr = LINEAR.withZeroTerminalSnr();
        DdimConfig config = config(zeroSnr, PredictionType.EPSILON).build();
        // x̂₀ = (1 − 1·0)/2^-12 = 4096, ε̂ = 0.
        float next = stepOnce(config, ElementwiseDenoiser.scalar((x, t) -> 0), new ConstantNoise(0), 999, 749, 1);
        double expected = Math.sqrt(zeroSnr.alphaCumprod(749)) * 4096;
        assertEquals(expected, next, expected * 1e-6);
    }

    @Test
    void velocityPredictionAtZeroSnrIsExact() {
        NoiseSchedule zeroSnr = LINEAR.withZeroTerminalSnr();
        DdimConfig config = config(zeroSnr, PredictionType.V_PREDICTION).build();
        // ᾱ = 0: x̂₀ = −v = −0.5, ε̂ = x = 1.
        float next = stepOnce(config, ElementwiseDenoiser.scalar((x, t) -> 0.5), new ConstantNoise(0), 999, 749, 1);
        double alphaBar = zeroSnr.alphaCumprod(749);
        assertEquals(-0.5 * Math.sqrt(alphaBar) + Math.sqrt(1 - alphaBar), next, 1e-7);
    }

    @Test
    void samplingIsDeterministicForASeed() {
        DdimConfig config = config(LINEAR, PredictionType.V_PREDICTION).optEta(0.5).build();
        float[][] runs = new float[3][16];
        long[] seeds = {42, 42, 43};
        for (int i = 0; i < 3; i++) {
            new DdimSampler(config, new ElementwiseDenoiser(16, 0, (x, t) -> Math.tanh(0.5 * x), Float.NaN),
                    NoiseSource.gaussian(SplitMix64.of(seeds[i]))).sample(4, null, runs[i]);
        }
        assertArrayEquals(runs[0], runs[1]);
        assertFalse(Arrays.equals(runs[0], runs[2]));
    }

    @Test
    void etaDrawsOneNoiseVectorPerStepAndScalesItBySigma() {
        DdimConfig deterministic = config(LINEAR, PredictionType.SAMPLE).build();
        ConstantNoise counted = new ConstantNoise(0);
        new DdimSampler(deterministic, ElementwiseDenoiser.scalar((x, t) -> 0.2), counted).sample(4, null, new float[1]);
        assertEquals(1, counted.fills(), "eta = 0 draws only x_T");

        DdimConfig halfEta = config(LINEAR, PredictionType.SAMPLE).optEta(0.5).build();
        ConstantNoise ones = new ConstantNoise(1);
        new DdimSampler(halfEta, ElementwiseDenoiser.scalar((x, t) -> 0.2), ones).sample(4, null, new float[1]);
        assertEquals(5, ones.fills(), "x_T and one vector per step, including the last (sigma = 0)");

        double at = LINEAR.alphaCumprod(999);
        double ap = LINEAR.alphaCumprod(749);
        double sigma = 0.5 * Math.sqrt((1 - ap) / (1 - at) * (1 - at / ap));
        double x = 0.3;
        double epsilon = (x - Math.sqrt(at) * 0.2) / Math.sqrt(1 - at);
        double expected = Math.sqrt(ap) * 0.2 + Math.sqrt(1 - ap - sigma * sigma) * epsilon + sigma * 1;
        float actual = stepOnce(halfEta, ElementwiseDenoiser.scalar((v, t) -> 0.2), new ConstantNoise(1), 999, 749, x);
        assertEquals(expected, actual, 1e-6);
    }

    @Test
    void guidanceCallsTheUnconditionalDenoiserOnlyWhenActive() {
        ElementwiseDenoiser unguided = new ElementwiseDenoiser(1, 2, (x, t) -> 1, 0.5f);
        DdimSampler plain = new DdimSampler(config(LINEAR, PredictionType.EPSILON).build(), unguided,
                new ConstantNoise(0));
        plain.sample(4, new float[2], new float[1]);
        assertEquals(1, plain.denoiserCallsPerStep());
        assertEquals(0, unguided.unconditionalCalls());

        ElementwiseDenoiser guided = new ElementwiseDenoiser(1, 2, (x, t) -> 1, 0.5f);
        DdimSampler sampler = new DdimSampler(config(LINEAR, PredictionType.EPSILON)
                .optGuidance(new ClassifierFreeGuidance(3, 0)).build(), guided, new ConstantNoise(0));
        assertEquals(2, sampler.denoiserCallsPerStep());
        float[] x = {0.4f};
        sampler.step(249, -1, new float[2], x);
        assertEquals(1, guided.unconditionalCalls());
        // guided ε = 0.5 + 3·(1 − 0.5) = 2; the last step returns x̂₀ = (x − √(1−ᾱ)·2)/√ᾱ.
        double alphaBar = LINEAR.alphaCumprod(249);
        assertEquals((0.4 - Math.sqrt(1 - alphaBar) * 2) / Math.sqrt(alphaBar), x[0], 1e-6);
    }

    @Test
    void clippedModelOutputRederivesEpsilonFromTheClippedEstimate() {
        double at = LINEAR.alphaCumprod(999);
        double ap = LINEAR.alphaCumprod(749);
        double x = 0.5;
        Denoiser three = ElementwiseDenoiser.scalar((v, t) -> 3);
        DdimConfig.Builder clamped = config(LINEAR, PredictionType.SAMPLE).optClipping(SampleClipping.clamp(1));
        float keptEpsilon = stepOnce(clamped.build(), three, new ConstantNoise(0), 999, 749, x);
        float rederived = stepOnce(clamped.optUseClippedModelOutput(true).build(), three, new ConstantNoise(0), 999,
                749, x);
        assertEquals(Math.sqrt(ap) + Math.sqrt(1 - ap) * (x - Math.sqrt(at) * 3) / Math.sqrt(1 - at), keptEpsilon, 1e-6);
        assertEquals(Math.sqrt(ap) + Math.sqrt(1 - ap) * (x - Math.sqrt(at)) / Math.sqrt(1 - at), rederived, 1e-6);
    }

    @Test
    void rejectsMisuse() {
        DdimConfig config = config(LINEAR, PredictionType.EPSILON).build();
        DdimSampler sampler = new DdimSampler(config, new ElementwiseDenoiser(3, 2, (x, t) -> 0, 0),
                new ConstantNoise(0));
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(4, new float[2], new float[2]));
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(4, null, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(0, new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(1001, new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> sampler.step(1000, 0, new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> sampler.step(500, 500, new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> sampler.step(500, -2, new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new DdimSampler(config, null, new ConstantNoise(0)));
        assertThrows(IllegalArgumentException.class, () -> DdimConfig.builder().setSchedule(LINEAR).build());
        assertThrows(IllegalArgumentException.class, () -> config(LINEAR, PredictionType.EPSILON).optEta(1.5).build());
        assertThrows(IllegalArgumentException.class,
                () -> config(LINEAR, PredictionType.EPSILON).optStepsOffset(1000).build());
    }

    /** The working arrays are allocated once: 50 steps of a 64k-value sample allocate less than one sample. */
    @Test
    void stepsDoNotAllocateSampleSizedArrays() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        int size = 1 << 16;
        DdimConfig config = config(LINEAR, PredictionType.V_PREDICTION).optEta(1)
                .optClipping(SampleClipping.dynamicThreshold(0.995, 2))
                .optGuidance(new ClassifierFreeGuidance(3, 0.7)).build();
        DdimSampler sampler = new DdimSampler(config, new Denoiser() {
            @Override
            public SampleShape sampleShape() {
                return SampleShape.of(4, 128, 128);
            }

            @Override
            public int conditionSize() {
                return 0;
            }

            @Override
            public void predict(float[] x, int timestep, float[] condition, float[] out) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = 0.5f * x[i];
                }
            }

            @Override
            public void predictUnconditional(float[] x, int timestep, float[] out) {
                Arrays.fill(out, 0.1f);
            }
        }, NoiseSource.gaussian(SplitMix64.of(1)));
        float[] x = new float[size];
        sampler.sample(50, null, x);
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        sampler.sample(50, null, x);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 4L * size, "allocated " + allocated + " bytes in 50 steps");
    }
}
