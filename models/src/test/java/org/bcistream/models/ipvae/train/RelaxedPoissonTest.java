package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The relaxed (EAT) Poisson sample: spec §10 T9 and T13, its pathwise slope, and its τ → 0 limit. */
class RelaxedPoissonTest {
    private static final double[] T9_ARRIVALS = {0.3, 0.4, 0.5, 0.2};
    /** e^u such that e^u + 2^-23 = 1: the spec's T9 uses rate 1. */
    private static final double UNIT_RATE = 1 - RelaxedPoisson.RATE_EPSILON;

    @Test
    void specT9RelaxedCountsOfGivenArrivals() {
        RelaxedPoisson relaxed = new RelaxedPoisson((stream, j) -> T9_ARRIVALS[j]);
        double[] slope = new double[1];
        assertEquals(2.0941086316, relaxed.sample(UNIT_RATE, 1.0, 4, 0, slope, 0), 1e-9);
        assertEquals(2.0888522076, relaxed.sample(UNIT_RATE, 0.1, 4, 0, slope, 0), 1e-9);
        assertEquals(2.0000000021, relaxed.sample(UNIT_RATE, 0.01, 4, 0, slope, 0), 1e-9);
        assertEquals(1.0, relaxed.sample(UNIT_RATE, 0.01, 1, 0, slope, 0), 1e-15, "the count saturates at n");
    }

    @Test
    void specT13TruncationQuantiles() {
        assertEquals(10, RelaxedPoisson.truncation(3));
        assertEquals(5, RelaxedPoisson.truncation(1));
        assertEquals(21, RelaxedPoisson.truncation(10));
    }

    @Test
    void truncationAgreesWithTheCdfSummedFromZeroAndScalesToTheLargestRates() {
        for (double rate : new double[] {1e-3, 0.3, 2.5, 47, 180, 650}) {
            double p = Math.exp(-rate);
            double cdf = p;
            int k = 0;
            while (cdf < RelaxedPoisson.TRUNCATION_QUANTILE) {
                k++;
                p *= rate / k;
                cdf += p;
            }
            assertEquals(k, RelaxedPoisson.truncation(rate), "rate " + rate);
        }
        double largest = Math.exp(10);
        int n = RelaxedPoisson.truncation(largest);
        double standardised = (n - largest) / Math.sqrt(largest);
        assertTrue(standardised > 3.0 && standardised < 3.2, "ppf(0.999) of Poisson(e^10) is about 3.09 sd up: " + n);
        assertThrows(IllegalArgumentException.class, () -> RelaxedPoisson.truncation(0));
    }

    @Test
    void slopeIsTheDerivativeOfTheCountWithRespectToTheLogRate() {
        RelaxedPoisson relaxed = new RelaxedPoisson(ArrivalNoise.INSTANCE);
        double[] slope = new double[1];
        double[] ignored = new double[1];
        int checked = 0;
        for (double temperature : new double[] {1.0, 0.3, 0.05}) {
            for (double u : new double[] {-3, -0.7, 0.4, 1.6}) {
                for (long stream = 1; stream <= 5; stream++) {
                    relaxed.sample(Math.exp(u), temperature, 20, stream, slope, 0);
                    double h = 1e-6;
                    double up = relaxed.sample(Math.exp(u + h), temperature, 20, stream, ignored, 0);
                    double down = relaxed.sample(Math.exp(u - h), temperature, 20, stream, ignored, 0);
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, slope[0], 1e-6 * Math.max(1e-3, Math.abs(numeric)),
                            "u " + u + ", tau " + temperature + ", stream " + stream);
                    checked += numeric > 1e-3 ? 1 : 0;
                }
            }
        }
        assertTrue(checked > 30, "most cases must have a real slope: " + checked);
    }

    @Test
    void atLowTemperatureCountsArePoisson() {
        RelaxedPoisson relaxed = new RelaxedPoisson(ArrivalNoise.INSTANCE);
        double[] slope = new double[1];
        int n = 100_000;
        for (double rate : new double[] {0.2, 2.5}) {
            int truncation = RelaxedPoisson.truncation(rate);
            double sum = 0;
            int zeros = 0;
            for (int i = 0; i < n; i++) {
                double z = relaxed.sample(rate, 0.01, truncation, ArrivalNoise.child(77, i), slope, 0);
                sum += Math.round(z);
                zeros += z < 0.5 ? 1 : 0;
            }
            assertEquals(rate, sum / n, 4 * Math.sqrt(rate / n), "mean at rate " + rate);
            double p0 = Math.exp(-rate);
            assertEquals(p0, (double) zeros / n, 4 * Math.sqrt(p0 * (1 - p0) / n), "P(0) at rate " + rate);
        }
    }
}
