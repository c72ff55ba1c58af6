package org.bcistream.models.ipvae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Spec ipvae.md §10 T10 (R² with the float32 guard) and T11 (Gaussian NLL, MSE, R²). */
class ReconstructionMetricsTest {

    @Test
    void r2MatchesT10() {
        assertEquals(0.50000003, ReconstructionMetrics.r2(new double[] {1, 2, 3}, new double[] {1, 2, 2}), 1e-8);
        assertEquals(0.5 + 0.5 * ReconstructionMetrics.FLOAT32_EPS / (2 + ReconstructionMetrics.FLOAT32_EPS),
                ReconstructionMetrics.r2(new double[] {1, 2, 3}, new double[] {1, 2, 2}), 1e-16);
        assertEquals(0.9338666683, ReconstructionMetrics.r2(new double[] {0.5, -1, 2, 0},
                new double[] {0.4, -0.8, 1.5, 0.1}), 1e-10);
    }

    @Test
    void nllAndR2MatchT11() {
        LinearDecoder unitSigma = LinearDecoder.withUnitSigma(new double[][] {{1, 0}, {0, 1}});
        double[] x = {1, 2};
        double[] xHat = {1, 0};
        assertEquals(3.8378770664, ReconstructionMetrics.gaussianNll(x, xHat, unitSigma), 1e-10);
        assertEquals(2 * ReconstructionMetrics.HALF_LOG_TWO_PI, ReconstructionMetrics.logNormaliser(unitSigma), 1e-15);
        assertEquals(4, ReconstructionMetrics.weightedSquaredError(x, 0, xHat, 0, unitSigma.inverseVariance()),
                "sum of squared errors");
        // The spec's −7 is rounded: 1 − 4/(0.5 + 2^-23).
        assertEquals(1 - 4 / (0.5 + ReconstructionMetrics.FLOAT32_EPS), ReconstructionMetrics.r2(x, xHat), 1e-15);
        assertEquals(-7, ReconstructionMetrics.r2(x, xHat), 2e-6);
    }

    @Test
    void nllUsesTheClampedSigma() {
        double s = SpecFixtures.rawLogSigma(2);
        LinearDecoder decoder = LinearDecoder.of(new double[][] {{1}}, new double[] {s});
        assertEquals(2, decoder.sigma(0), 1e-14);
        // (3 − 1)²/(2·4) + ln 2 + ½ ln 2π
        assertEquals(0.5 + Math.log(2) + ReconstructionMetrics.HALF_LOG_TWO_PI,
                ReconstructionMetrics.gaussianNll(new double[] {3}, new double[] {1}, decoder), 1e-14);
    }

    @Test
    void mismatchedLengthsAreRefused() {
        InvalidIpvaeException e = assertThrows(InvalidIpvaeException.class,
                () -> ReconstructionMetrics.r2(new double[] {1, 2}, new double[] {1}));
        assertEquals("reconstruction must have 2 values; got 1", e.getMessage());
    }
}
