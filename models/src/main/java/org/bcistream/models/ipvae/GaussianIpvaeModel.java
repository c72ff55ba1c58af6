package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

import java.util.Locale;

/**
 * The learned parameters of the Gaussian iterative VAEs (spec ipvae.md §3): iG-VAE (linear activation,
 * the decoder sees z) and iG_relu-VAE (the decoder sees f(z) = g ⊙ relu(z) with a learned per-latent gain
 * g = exp(log_gain)). The posterior is N(μ, s²) with ξ = log s; the parameters are the
 * {@link LinearDecoder}, log_bias (K) with b = exp(log_bias), two step sizes η<sub>μ</sub> =
 * exp(log_lr_mu) and η<sub>ξ</sub> = exp(log_lr_xi), and the initial state (μ_init, ξ_init), K each
 * (zero when untrained).
 *
 * <p>Immutable; arrays are copied in and out. Invariants: every array has K finite values; b, η and g
 * finite and positive.
 */
public final class GaussianIpvaeModel {

    /** The activation f between the sample and the decoder. */
    public enum Activation {
        /** f(z) = z (iG-VAE). */
        LINEAR,
        /** f(z) = g ⊙ max(z, 0) with a learned gain g per latent (iG_relu-VAE). */
        RELU
    }

    private final LinearDecoder decoder;
    private final Activation activation;
    private final double[] bias;
    private final double gainMu;
    private final double gainXi;
    private final double[] activationGain;
    private final double[] muInit;
    private final double[] xiInit;

    private GaussianIpvaeModel(LinearDecoder decoder, Activation activation, double[] logBias, double logLrMu,
            double logLrXi, double[] logGain, double[] muInit, double[] xiInit) {
        this.decoder = decoder;
        this.activation = activation;
        this.bias = exps(logBias, "log_bias");
        this.gainMu = Checks.finiteExp(logLrMu, "log step size of mu");
        this.gainXi = Checks.finiteExp(logLrXi, "log step size of xi");
        this.activationGain = exps(logGain, "log_gain");
        this.muInit = muInit;
        this.xiInit = xiInit;
    }

    /** An iG-VAE; see the class documentation for the parameters. */
    public static GaussianIpvaeModel linear(LinearDecoder decoder, double[] logBias, double logLrMu, double logLrXi,
            double[] muInit, double[] xiInit) {
        int latents = latents(decoder);
        return new GaussianIpvaeModel(decoder, Activation.LINEAR,
                Checks.finiteCopy(logBias, latents, "iG-VAE log_bias"), logLrMu, logLrXi, new double[latents],
                Checks.finiteCopy(muInit, latents, "iG-VAE mu_init"),
                Checks.finiteCopy(xiInit, latents, "iG-VAE xi_init"));
    }

    /** An iG_relu-VAE with the per-latent log gain {@code logGain} (K values). */
    public static GaussianIpvaeModel relu(LinearDecoder decoder, double[] logBias, double logLrMu, double logLrXi,
            double[] logGain, double[] muInit, double[] xiInit) {
        int latents = latents(decoder);
        return new GaussianIpvaeModel(decoder, Activation.RELU,
                Checks.finiteCopy(logBias, latents, "iG_relu-VAE log_bias"), logLrMu, logLrXi,
                Checks.finiteCopy(logGain, latents, "iG_relu-VAE log_gain"),
                Checks.finiteCopy(muInit, latents, "iG_relu-VAE mu_init"),
                Checks.finiteCopy(xiInit, latents, "iG_relu-VAE xi_init"));
    }

    private static int latents(LinearDecoder decoder) {
        if (decoder == null) {
            throw invalid("Gaussian iterative VAE decoder is missing");
        }
        return decoder.latentCount();
    }

    private static double[] exps(double[] logs, String what) {
        double[] values = new double[logs.length];
        for (int k = 0; k < logs.length; k++) {
            values[k] = Checks.finiteExp(logs[k], what + "[" + k + "]");
        }
        return values;
    }

    public LinearDecoder decoder() {
        return decoder;
    }

    public Activation activation() {
        return activation;
    }

    /** Number of latents K. */
    public int latentCount() {
        return decoder.latentCount();
    }

    /** b<sub>k</sub> = exp(log_bias<sub>k</sub>). */
    public double bias(int k) {
        return bias[k];
    }

    /** η<sub>μ</sub>, the step size of the mean. */
    public double gainMu() {
        return gainMu;
    }

    /** η<sub>ξ</sub>, the step size of the log standard deviation. */
    public double gainXi() {
        return gainXi;
    }

    /** The relu gain g<sub>k</sub> = exp(log_gain<sub>k</sub>); 1 for the linear activation. */
    public double activationGain(int k) {
        return activationGain[k];
    }

    /** A copy of μ_init. */
    public double[] muInit() {
        return muInit.clone();
    }

    /** A copy of ξ_init (log standard deviations). */
    public double[] xiInit() {
        return xiInit.clone();
    }

    /** f(z) for latent k. */
    double activate(int k, double z) {
        return activation == Activation.LINEAR ? z : activationGain[k] * Math.max(z, 0);
    }

    /** f'(z) for latent k (0 at z = 0 for relu, as PyTorch's indicator z &gt; 0). */
    double slope(int k, double z) {
        return activation == Activation.LINEAR ? 1 : (z > 0 ? activationGain[k] : 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GaussianIpvaeModel[%s, M=%d, K=%d]", activation,
                decoder.featureCount(), decoder.latentCount());
    }
}
