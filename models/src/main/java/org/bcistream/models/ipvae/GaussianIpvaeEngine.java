package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

import org.apache.commons.rng.UniformRandomProvider;
import org.bcistream.models.random.StandardNormal;

/**
 * One frame of inference for the Gaussian iterative VAEs, as the reference code runs it (spec ipvae.md
 * §3.1-3.2). With s = e<sup>ξ</sup> and per update a fresh ε ~ N(0, 1) (temperature 1, also at test
 * time), z = μ + s ε and h = f'(z) ⊙ Φᵀ((x − Φ f(z)) ⊘ σ²):
 *
 * <pre>
 * Δμ = η_μ (s² ⊙ (h − [β_in (μ − μ₀)/s₀²]) − b)          then Δμ ← 7 tanh(Δμ/7), μ ← 7 tanh((μ + Δμ)/7)
 * Δξ = η_ξ ½ (h ⊙ ε ⊙ s − [β_in (e^{2(ξ − ξ₀)} − 1)])     then Δξ ← 3 tanh(Δξ/3), ξ ← 2 tanh((ξ + Δξ)/2)
 * </pre>
 *
 * (bracketed leak terms only with more than one update per frame; (μ₀, ξ₀) is the state before the
 * frame; the widths come from {@link GaussianConfig}). After the updates a fresh sample f(μ + s ε) is the
 * reported output. The caller owns the state (μ, ξ) and starts a stream from the model's μ_init, ξ_init;
 * the posterior of one frame is the prior of the next.
 *
 * <p>The baseline, not the hot path: the latents are dense (f(z) = z) or about half zero (relu), so the
 * {@link SparseDecoderKernel} it uses saves less than for spikes. Preallocated buffers, no allocation per
 * step; not thread-safe.
 */
public final class GaussianIpvaeEngine {
    private final GaussianIpvaeModel model;
    private final GaussianConfig config;
    private final DecoderKernel kernel;
    private final int features;
    private final int latents;
    private final double[] noise;
    private final double[] muPrior;
    private final double[] xiPrior;
    private final double[] activations;
    private final double[] projection;

    public GaussianIpvaeEngine(GaussianIpvaeModel model, GaussianConfig config) {
        if (model == null || config == null) {
            throw invalid("a Gaussian engine needs a model and a configuration");
        }
        this.model = model;
        this.config = config;
        this.kernel = new SparseDecoderKernel(model.decoder(), 1);
        this.features = model.decoder().featureCount();
        this.latents = model.latentCount();
        this.noise = new double[(config.innerSteps() + 1) * latents];
        this.muPrior = new double[latents];
        this.xiPrior = new double[latents];
        this.activations = new double[latents];
        this.projection = new double[latents];
    }

    /**
     * Runs one frame: updates μ and ξ in place and writes the reported sample f(z_out).
     *
     * @param mu the means, K values, updated in place
     * @param xi the log standard deviations, K values, updated in place
     * @param x the frame, M finite values
     * @param rng the source of the standard normal noise: K deviates per update then K for the output, in
     *     latent order
     * @param samples the output f(z_out), K values
     */
    public void step(double[] mu, double[] xi, double[] x, UniformRandomProvider rng, double[] samples) {
        for (int i = 0; i < noise.length; i++) {
            noise[i] = StandardNormal.sample(rng);
        }
        step(mu, xi, x, noise, samples);
    }

    /** The public step with given noise ε, (innerSteps + 1)×K values, instead of draws. */
    void step(double[] mu, double[] xi, double[] x, double[] epsilon, double[] samples) {
        Checks.length(mu, latents, "mu");
        Checks.length(xi, latents, "xi");
        Checks.length(samples, latents, "samples");
        Checks.length(epsilon, noise.length, "noise");
        Checks.length(x, features, "frame");
        for (int m = 0; m < features; m++) {
            if (!Double.isFinite(x[m])) {
                throw invalid("frame feature %d is %s, not a finite number", m, x[m]);
            }
        }
        kernel.loadFrames(x);
        System.arraycopy(mu, 0, muPrior, 0, latents);
        System.arraycopy(xi, 0, xiPrior, 0, latents);
        int innerSteps = config.innerSteps();
        for (int pass = 0; pass < innerSteps; pass++) {
            int row = pass * latents;
            for (int k = 0; k < latents; k++) {
                activations[k] = model.activate(k, mu[k] + Math.exp(xi[k]) * epsilon[row + k]);
            }
            kernel.backProject(activations, projection);
            for (int k = 0; k < latents; k++) {
                update(mu, xi, k, epsilon[row + k], innerSteps > 1);
            }
        }
        int row = innerSteps * latents;
        for (int k = 0; k < latents; k++) {
            samples[k] = model.activate(k, mu[k] + Math.exp(xi[k]) * epsilon[row + k]);
        }
    }

    private void update(double[] mu, double[] xi, int k, double epsilon, boolean leak) {
        double s = Math.exp(xi[k]);
        double h = model.slope(k, mu[k] + s * epsilon) * projection[k];
        double gradMu = -h;
        double gradXi = -h * epsilon * s;
        if (leak) {
            double priorVariance = Math.exp(2 * xiPrior[k]);
            gradMu += config.betaInner() * (mu[k] - muPrior[k]) / priorVariance;
            gradXi += config.betaInner() * Math.expm1(2 * (xi[k] - xiPrior[k]));
        }
        double deltaMu = Clamps.tanh(-model.gainMu() * (s * s * gradMu + model.bias(k)), config.clampDeltaMu());
        double deltaXi = Clamps.tanh(-model.gainXi() * 0.5 * gradXi, config.clampDeltaXi());
        mu[k] = Clamps.tanh(mu[k] + deltaMu, config.clampMu());
        xi[k] = Clamps.tanh(xi[k] + deltaXi, config.clampXi());
    }
}
