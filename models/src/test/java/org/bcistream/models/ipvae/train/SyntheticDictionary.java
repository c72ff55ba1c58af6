package org.bcistream.models.ipvae.train;

import org.bcistream.models.random.PoissonSampler;
import org.bcistream.models.random.SplitMix64;
import org.bcistream.models.random.StandardNormal;

/**
 * A synthetic sparse-coding source for the dictionary-recovery experiment: K unit-norm atoms in R^M drawn
 * from an isotropic Gaussian (the columns of Φ_true); a frame is x = Φ_true z + N(0, noise² I) with counts
 * z_k ~ Poisson(rate) i.i.d.
 *
 * @param atoms Φ_true, M rows of K columns, unit-norm columns
 * @param rate the Poisson rate of every count
 * @param noise the standard deviation of the additive Gaussian noise
 */
record SyntheticDictionary(double[][] atoms, double rate, double noise) {

    /** A dictionary of {@code latents} random unit-norm atoms in {@code features} dimensions. */
    static SyntheticDictionary random(int features, int latents, double rate, double noise, long seed) {
        SplitMix64 random = SplitMix64.of(seed);
        double[][] atoms = new double[features][latents];
        for (int k = 0; k < latents; k++) {
            double sumSquares = 0;
            for (int m = 0; m < features; m++) {
                atoms[m][k] = StandardNormal.sample(random);
                sumSquares += atoms[m][k] * atoms[m][k];
            }
            double norm = Math.sqrt(sumSquares);
            for (int m = 0; m < features; m++) {
                atoms[m][k] /= norm;
            }
        }
        return new SyntheticDictionary(atoms, rate, noise);
    }

    /** {@code count} frames drawn with {@code SplitMix64.of(seed)}. */
    double[][] sample(int count, long seed) {
        SplitMix64 random = SplitMix64.of(seed);
        int features = atoms.length;
        int latents = atoms[0].length;
        double[][] frames = new double[count][features];
        for (double[] x : frames) {
            for (int k = 0; k < latents; k++) {
                int z = PoissonSampler.sample(random, rate);
                for (int m = 0; m < features && z > 0; m++) {
                    x[m] += atoms[m][k] * z;
                }
            }
            for (int m = 0; m < features; m++) {
                x[m] += noise * StandardNormal.sample(random);
            }
        }
        return frames;
    }

    /**
     * The mean over true atoms of the best absolute cosine similarity to any learned atom (column of
     * {@code learned}, M×K'); 1 means every true atom is matched exactly up to scale and sign. Learned
     * columns of zero norm match nothing.
     */
    double recovery(double[][] learned) {
        int features = atoms.length;
        int latents = atoms[0].length;
        int candidates = learned[0].length;
        double[] norms = new double[candidates];
        for (int j = 0; j < candidates; j++) {
            for (int m = 0; m < features; m++) {
                norms[j] += learned[m][j] * learned[m][j];
            }
            norms[j] = Math.sqrt(norms[j]);
        }
        double sum = 0;
        for (int k = 0; k < latents; k++) {
            double best = 0;
            for (int j = 0; j < candidates; j++) {
                if (norms[j] == 0) {
                    continue;
                }
                double dot = 0;
                for (int m = 0; m < features; m++) {
                    dot += atoms[m][k] * learned[m][j];
                }
                best = Math.max(best, Math.abs(dot) / norms[j]);
            }
            sum += best;
        }
        return sum / latents;
    }
}
