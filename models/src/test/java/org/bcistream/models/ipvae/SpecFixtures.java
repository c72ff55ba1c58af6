package org.bcistream.models.ipvae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

/**
 * The common setup of spec ipvae.md §10 (T1-T6, T12): M = K = 2, Φ = [[1, 0.5], [0, 1]], x = (1, 2), and
 * the reference constants (η = 1, σ = 1, b = e^-3), plus random models for agreement tests.
 */
final class SpecFixtures {
    static final double[][] PHI = {{1, 0.5}, {0, 1}};
    static final double[] X = {1, 2};
    static final double LOG_BIAS = -3;

    private SpecFixtures() {}

    static IpvaeModel model(double logLr, double logSigma, double logBias, double[] uInit) {
        LinearDecoder decoder = LinearDecoder.of(PHI, new double[] {logSigma, logSigma});
        return IpvaeModel.of(decoder, new double[] {logBias, logBias}, logLr, uInit);
    }

    /** The raw log σ parameter s whose clamped value gives {@code sigma}: s = 3.45 atanh(ln σ / 3.45). */
    static double rawLogSigma(double sigma) {
        double y = Math.log(sigma) / LinearDecoder.LOG_SIGMA_BOUND;
        return LinearDecoder.LOG_SIGMA_BOUND * 0.5 * Math.log((1 + y) / (1 - y));
    }

    static IpvaeConfig clamps(double c) {
        return new IpvaeConfig(1, 1.0, c, c, IpvaeConfig.DEFAULT_BETA, KlForm.EXACT);
    }

    /** Agreement with a 10-digit spec value: 1e-9 absolute plus 1e-9 relative (the spec rounds to 1e-10). */
    static void assertSpec(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * (1 + Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    /** A random model: Φ ~ N(0, scale²), log σ ~ U(-1, 1), log b ~ U(-4, -2), η ~ e^U(-0.5, 0.5), u_init ~ U(-3, 1). */
    static IpvaeModel randomModel(Random random, int features, int latents, double scale) {
        double[][] phi = new double[features][latents];
        for (double[] row : phi) {
            for (int k = 0; k < latents; k++) {
                row[k] = scale * random.nextGaussian();
            }
        }
        double[] logSigma = uniform(random, features, -1, 1);
        LinearDecoder decoder = LinearDecoder.of(phi, logSigma);
        return IpvaeModel.of(decoder, uniform(random, latents, -4, -2), random.nextDouble() - 0.5,
                uniform(random, latents, -3, 1));
    }

    static double[] uniform(Random random, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * random.nextDouble();
        }
        return v;
    }

    static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }
}
