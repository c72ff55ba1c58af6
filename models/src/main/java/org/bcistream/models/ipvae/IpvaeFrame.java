package org.bcistream.models.ipvae;

import java.util.Locale;

/**
 * What the iP-VAE reports for one frame (spec ipvae.md §2.2 steps 4-5, §5.1): the posterior rates
 * exp(u) after the update, the spike counts z_out of a <em>fresh</em> Poisson sample from them (not the
 * spikes that drove the update), and the frame's metrics:
 *
 * <ul>
 *   <li>reconstruction NLL = Σ<sub>m</sub> −log N(x<sub>m</sub>; (Φ z_out)<sub>m</sub>, σ<sub>m</sub>), nats:
 *       the single-sample Monte Carlo estimate of E<sub>q</sub>[−log p(x|z)] from the reported sample;
 *   <li>KL = Σ<sub>k</sub> KL(q<sub>t</sub> ‖ q<sub>t−1</sub>) between the updated posterior and the
 *       frame's prior (the state before the frame; u_init at frame 0), nats, in the configured
 *       {@link KlForm} (closed form, no sampling);
 *   <li>free energy F = NLL + β·KL, nats (with the reference-code KL form this is the reference's per-step
 *       training loss {@code loss_recon + beta * loss_kl});
 *   <li>R² of x̂ = Φ z_out against x ({@link ReconstructionMetrics#r2}).
 * </ul>
 *
 * <p>A mutable holder that an {@link IpvaeEngine} overwrites on every step, so that a step allocates
 * nothing; copy what must outlive the next step. Not thread-safe.
 */
public final class IpvaeFrame {
    private final double[] rates;
    private final int[] spikes;
    private long frameIndex = -1;
    private double reconstructionNll;
    private double kl;
    private double freeEnergy;
    private double r2;

    /** An empty holder for K latents; its frame index is -1 until an engine fills it. */
    public IpvaeFrame(int latentCount) {
        if (latentCount < 1) {
            throw Checks.invalid("a frame needs at least one latent; got %d", latentCount);
        }
        this.rates = new double[latentCount];
        this.spikes = new int[latentCount];
    }

    /** Number of latents K. */
    public int latentCount() {
        return rates.length;
    }

    /** 0-based index of the frame in its session; -1 before the first fill. */
    public long frameIndex() {
        return frameIndex;
    }

    /** Posterior rate exp(u<sub>k</sub>) after the update, spikes per frame. */
    public double rate(int k) {
        return rates[k];
    }

    /** Reported spike count of latent k (the fresh sample). */
    public int spikeCount(int k) {
        return spikes[k];
    }

    /** A copy of the rates. */
    public double[] rates() {
        return rates.clone();
    }

    /** A copy of the spike counts. */
    public int[] spikeCounts() {
        return spikes.clone();
    }

    /** Fraction of latents with a spike count of exactly 0 (the reference's sparsity). */
    public double zeroFraction() {
        int zeros = 0;
        for (int count : spikes) {
            if (count == 0) {
                zeros++;
            }
        }
        return (double) zeros / spikes.length;
    }

    /** Gaussian negative log-likelihood of the frame under the reported sample, nats. */
    public double reconstructionNll() {
        return reconstructionNll;
    }

    /** KL of the updated posterior from the frame's prior, nats. */
    public double kl() {
        return kl;
    }

    /** F = NLL + β·KL, nats. */
    public double freeEnergy() {
        return freeEnergy;
    }

    /** R² of the reconstruction Φ z_out. */
    public double r2() {
        return r2;
    }

    double[] ratesArray() {
        return rates;
    }

    int[] spikesArray() {
        return spikes;
    }

    void set(long frameIndex, double reconstructionNll, double kl, double freeEnergy, double r2) {
        this.frameIndex = frameIndex;
        this.reconstructionNll = reconstructionNll;
        this.kl = kl;
        this.freeEnergy = freeEnergy;
        this.r2 = r2;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IpvaeFrame[#%d, K=%d, zeros=%.3f, F=%.4f, NLL=%.4f, KL=%.4f, R2=%.4f]",
                frameIndex, rates.length, zeroFraction(), freeEnergy, reconstructionNll, kl, r2);
    }
}
