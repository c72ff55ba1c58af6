package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Spec ddim.md A.7, with quantiles checked against numpy.quantile. */
class SampleClippingTest {

    @Test
    void clampLimitsToTheRange() {
        double[] x0 = {-2, 0.5, 3};
        SampleClipping.clamp(1).apply(x0, null);
        assertArrayEquals(new double[] {-1, 0.5, 1}, x0);
    }

    @Test
    void disabledLeavesTheEstimate() {
        double[] x0 = {-2, 0.5, 3};
        SampleClipping.disabled().apply(x0, null);
        assertArrayEquals(new double[] {-2, 0.5, 3}, x0);
    }

    @Test
    void dynamicThresholdDividesByTheQuantileCappedAtMaxValue() {
        // numpy.quantile(|[0.5, -3, 2, 1.2]|, 0.995) = 2.985; capped at 2.5.
        double[] x0 = {0.5, -3, 2, 1.2};
        SampleClipping.dynamicThreshold(0.995, 2.5).apply(x0, new double[4]);
        assertArrayEquals(new double[] {0.2, -1, 0.8, 0.48}, x0, 1e-15);

        double[] uncapped = {0.5, -3, 2, 1.2};
        SampleClipping.dynamicThreshold(0.995, 5).apply(uncapped, new double[4]);
        assertArrayEquals(new double[] {0.5 / 2.985, -1, 2 / 2.985, 1.2 / 2.985}, uncapped, 1e-15);

        double[] median = {0.5, -3, 2, 1.2};
        SampleClipping.dynamicThreshold(0.5, 5).apply(median, new double[4]);
        assertArrayEquals(new double[] {0.5 / 1.6, -1, 1, 1.2 / 1.6}, median, 1e-15);
    }

    @Test
    void dynamicThresholdNeverDividesByLessThanOne() {
        double[] x0 = {0.1, -0.2};
        SampleClipping.dynamicThreshold(0.995, 1.5).apply(x0, new double[2]);
        assertArrayEquals(new double[] {0.1, -0.2}, x0);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> SampleClipping.clamp(0));
        assertThrows(IllegalArgumentException.class, () -> SampleClipping.clamp(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> SampleClipping.dynamicThreshold(0, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleClipping.dynamicThreshold(1.1, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleClipping.dynamicThreshold(0.9, 0.5));
    }
}
