package org.bcistream.it;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bcistream.decoders.latent.LatentConfig;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.IpvaeModel;
import org.bcistream.models.ipvae.LinearDecoder;

/** Seeded iP-VAE models for tests that need a latent stage but not a trained one (state continuity, plumbing). */
final class TestModels {
    private TestModels() {}

    /** A latent stage with a random dictionary of {@code features} x {@code latents}, gain 0.3, run seed {@code seed}. */
    static LatentConfig latentStage(int features, int latents, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] phi = new double[features][latents];
        for (double[] row : phi) {
            for (int k = 0; k < latents; k++) {
                row[k] = 0.3 * r.nextGaussian();
            }
        }
        double[] logBias = new double[latents];
        double[] uInit = new double[latents];
        Arrays.fill(logBias, -2);
        Arrays.fill(uInit, -1);
        return new LatentConfig(IpvaeModel.of(LinearDecoder.withUnitSigma(phi), logBias, Math.log(0.3), uInit), IpvaeConfig.defaults(),
                seed);
    }
}
