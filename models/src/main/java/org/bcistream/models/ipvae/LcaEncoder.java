package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

import java.util.Arrays;

/**
 * The locally competitive algorithm (Rozell, Johnson, Baraniuk and Olshausen, Neural Computation 20 (2008)
 * 2526-2563, doi:10.1162/neco.2008.03-07-486) as lcapt runs it (spec ipvae.md §6): membrane potentials u
 * start at 0 for each input, activities a = T<sub>λ</sub>(u), and each forward-Euler iteration is
 *
 * <pre>u ← u + (1/τ)(Φᵀx − u − (ΦᵀΦ − I) a)</pre>
 *
 * with the self-connection removed from the lateral term. It minimises ½‖x − Φa‖² + λ‖a‖₁.
 *
 * <p>The dictionary is used as given: lcapt keeps its columns at unit norm during learning, so pass
 * {@link LinearDecoder#withUnitNormColumns()} of a learned Φ. It must have σ ≡ 1. lcapt also z-scores
 * each input by default; that is the caller's job here. Computed as Φᵀ(x − Φa) + a from a
 * {@link SparseDecoderKernel}, in time proportional to the active latents. Preallocated buffers; not
 * thread-safe.
 */
public final class LcaEncoder {
    private final LcaConfig config;
    private final DecoderKernel kernel;
    private final int latents;
    private final double[] activities;
    private final double[] projection;

    /**
     * @throws InvalidIpvaeException if the dictionary has a σ other than 1
     */
    public LcaEncoder(LinearDecoder dictionary, LcaConfig config) {
        if (dictionary == null || config == null) {
            throw invalid("LCA needs a dictionary and a configuration");
        }
        if (!dictionary.hasUnitSigma()) {
            throw invalid("LCA needs a dictionary with sigma = 1 (log sigma 0) for every feature");
        }
        this.config = config;
        this.kernel = new SparseDecoderKernel(dictionary, 1);
        this.latents = dictionary.latentCount();
        this.activities = new double[latents];
        this.projection = new double[latents];
    }

    /**
     * Encodes one input from u = 0: {@code iterations} Euler steps, then the final activities.
     *
     * @param x the input, M values
     * @param iterations number of steps, {@code >= 0} ({@link LcaConfig#DEFAULT_ITERATIONS} in the comparison)
     * @param u the membrane potentials, K values, overwritten
     * @param a the activities T<sub>λ</sub>(u) after the last step, K values, overwritten
     */
    public void encode(double[] x, int iterations, double[] u, double[] a) {
        if (iterations < 0) {
            throw invalid("LCA iterations must be >= 0; got %d", iterations);
        }
        Checks.length(u, latents, "LCA potentials");
        loadFrame(x);
        Arrays.fill(u, 0);
        for (int i = 0; i < iterations; i++) {
            step(u);
        }
        activities(u, a);
    }

    /** Loads the input x (M values) for the following {@link #step} calls. */
    public void loadFrame(double[] x) {
        kernel.loadFrames(x);
    }

    /** One Euler step of u (K values, in place) for the loaded input. */
    public void step(double[] u) {
        activities(u, activities);
        kernel.backProject(activities, projection);
        double rate = 1 / config.tau();
        for (int k = 0; k < latents; k++) {
            u[k] += rate * (projection[k] - u[k] + activities[k]);
        }
    }

    /** a = T<sub>λ</sub>(u): max(u − λ, 0), or sign(u)·max(|u| − λ, 0) when activities may be negative. */
    public void activities(double[] u, double[] a) {
        Checks.length(u, latents, "LCA potentials");
        Checks.length(a, latents, "LCA activities");
        double lambda = config.lambda();
        for (int k = 0; k < latents; k++) {
            a[k] = config.nonNegative()
                    ? Math.max(u[k] - lambda, 0)
                    : Math.copySign(Math.max(Math.abs(u[k]) - lambda, 0), u[k]);
        }
    }
}
