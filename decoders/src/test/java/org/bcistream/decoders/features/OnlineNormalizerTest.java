package org.bcistream.decoders.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.bcistream.decoders.testing.StateBeans;
import org.junit.jupiter.api.Test;

class OnlineNormalizerTest {
    @Test
    void convergesToMeanZeroAndVarianceOneOnAStationaryInput() {
        OnlineNormalizer normalizer = new OnlineNormalizer(2, 0.99, 20);
        NormalizerState state = normalizer.newState();
        SplittableRandom random = new SplittableRandom(2026);
        double[] sum = new double[2];
        double[] sumSquares = new double[2];
        int measured = 0;
        for (int n = 0; n < 20_000; n++) {
            double[] x = {5 + 3 * gaussian(random), -40 + 0.1 * gaussian(random)};
            normalizer.accept(x, state);
            normalizer.standardize(x, state);
            if (n >= 2_000) {
                for (int i = 0; i < 2; i++) {
                    sum[i] += x[i];
                    sumSquares[i] += x[i] * x[i];
                }
                measured++;
            }
        }
        for (int i = 0; i < 2; i++) {
            double mean = sum[i] / measured;
            double variance = sumSquares[i] / measured - mean * mean;
            assertEquals(0.0, mean, 0.05, "mean of z-scores of feature " + i);
            assertEquals(1.0, variance, 0.05, "variance of z-scores of feature " + i);
        }
        assertEquals(5.0, state.getMean()[0], 1.0);
        assertEquals(9.0, state.getVariance()[0], 3.0);
        assertEquals(0.01, state.getVariance()[1], 0.004);
    }

    @Test
    void startsAsAnEquallyWeightedAverage() {
        OnlineNormalizer normalizer = new OnlineNormalizer(1, 0.99, 0);
        NormalizerState state = normalizer.newState();
        for (double x : new double[] {2, 4, 9}) {
            normalizer.accept(new double[] {x}, state);
        }
        assertEquals(5.0, state.getMean()[0], 1e-12);
        assertEquals((9 + 1 + 16) / 3.0, state.getVariance()[0], 1e-12, "population variance");
        assertEquals(3, state.getCount());
    }

    @Test
    void theFirstAndAConstantFeatureStandardizeToZero() {
        OnlineNormalizer normalizer = new OnlineNormalizer(2, 0.9, 0);
        NormalizerState state = normalizer.newState();
        for (int n = 0; n < 5; n++) {
            double[] x = {7.5, n == 0 ? 3 : n};
            normalizer.accept(x, state);
            normalizer.standardize(x, state);
            assertEquals(0.0, x[0]);
            if (n == 0) {
                assertEquals(0.0, x[1]);
            }
        }
    }

    @Test
    void warmsUpAfterTheConfiguredCount() {
        OnlineNormalizer normalizer = new OnlineNormalizer(1, 0.99, 3);
        NormalizerState state = normalizer.newState();
        for (int n = 0; n < 3; n++) {
            normalizer.accept(new double[] {n}, state);
            assertFalse(normalizer.isWarmedUp(state));
        }
        normalizer.accept(new double[] {3}, state);
        assertTrue(normalizer.isWarmedUp(state));
    }

    @Test
    void copiedStateContinuesIdentically() {
        OnlineNormalizer normalizer = new OnlineNormalizer(3, 0.95, 0);
        NormalizerState state = normalizer.newState();
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 50; n++) {
            normalizer.accept(new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()}, state);
        }
        NormalizerState copy = StateBeans.copy(state);
        for (int n = 0; n < 50; n++) {
            double[] x = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            double[] y = x.clone();
            normalizer.accept(x, state);
            normalizer.standardize(x, state);
            normalizer.accept(y, copy);
            normalizer.standardize(y, copy);
            assertArrayEquals(x, y);
        }
        StateBeans.assertFlinkPojo(NormalizerState.class);
    }

    @Test
    void shapeMismatchIsRefused() {
        OnlineNormalizer normalizer = new OnlineNormalizer(3, 0.95, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> normalizer.accept(new double[2], normalizer.newState()));
        assertTrue(e.getMessage().contains("3 features got 2 values"), e.getMessage());
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
