package org.bcistream.models.ipvae.train;

import java.util.Arrays;
import org.bcistream.models.ipvae.IpvaeModel;
import org.bcistream.models.ipvae.LinearDecoder;
import org.bcistream.models.random.SplitMix64;
import org.bcistream.models.random.StandardNormal;

/** Small random models and frames for the tests of this package. */
final class TestModels {
    private TestModels() {}

    /** Φ ~ N(0, 0.3²), log σ = −0.5, log_bias = −2, log_lr = −0.2, u_init ~ U(−2, 0). */
    static IpvaeModel random(int features, int latents, long seed) {
        SplitMix64 random = SplitMix64.of(seed);
        double[][] phi = gaussian(features, latents, 0.3, random);
        double[] logSigma = new double[features];
        Arrays.fill(logSigma, -0.5);
        double[] logBias = new double[latents];
        Arrays.fill(logBias, -2);
        double[] uInit = new double[latents];
        for (int k = 0; k < latents; k++) {
            uInit[k] = -2 * random.nextDouble();
        }
        return IpvaeModel.of(LinearDecoder.of(phi, logSigma), logBias, -0.2, uInit);
    }

    /** rows×columns values ~ N(0, scale²). */
    static double[][] gaussian(int rows, int columns, double scale, SplitMix64 random) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int c = 0; c < columns; c++) {
                row[c] = scale * StandardNormal.sample(random);
            }
        }
        return values;
    }
}
