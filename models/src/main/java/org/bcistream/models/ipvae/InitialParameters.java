package org.bcistream.models.ipvae;

import java.util.Arrays;
import org.bcistream.models.random.SplitMix64;

/**
 * The initial values of the learned iP-VAE parameters other than Φ (spec ipvae.md §2.5), shared by the
 * trainer and by models built around a dictionary trained elsewhere: log σ = 0, log_bias = −3
 * (b = e<sup>−3</sup>), log_lr = 0 (η = 1), u_init drawn uniformly from [−6, −4).
 */
public final class InitialParameters {
    /** Φ's initial standard deviation for the linear decoder ({@code init_scale}). */
    public static final double PHI_SCALE = 1e-4;
    /** The initial log of the per-latent bias. */
    public static final double LOG_BIAS = -3;
    /** The initial log step size. */
    public static final double LOG_LR = 0;
    /** Lower end of the u_init draw (around {@code clamp_prior} −4). */
    public static final double U_INIT_LOW = -6;
    /** Upper end (exclusive) of the u_init draw. */
    public static final double U_INIT_HIGH = -4;

    private InitialParameters() {}

    /** K copies of {@link #LOG_BIAS}. */
    public static double[] logBias(int latents) {
        double[] logBias = new double[latents];
        Arrays.fill(logBias, LOG_BIAS);
        return logBias;
    }

    /** One uniform draw in [{@link #U_INIT_LOW}, {@link #U_INIT_HIGH}) from {@code random}. */
    public static double uInit(SplitMix64 random) {
        return U_INIT_LOW + (U_INIT_HIGH - U_INIT_LOW) * random.nextDouble();
    }
}
