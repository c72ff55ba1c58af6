package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

import java.util.Arrays;
import java.util.Locale;

/**
 * The learned parameters of an iP-VAE (spec ipvae.md §2.7), stored as the reference checkpoint stores
 * them: the {@link LinearDecoder} (Φ, log σ), {@code logBias} (K) with per-latent bias b = exp(log_bias),
 * the scalar {@code logLr} with step size (gain) η = exp(log_lr), and the initial state {@code uInit} (K
 * membrane potentials, log-rates, used as the state and the prior at the first frame of a session).
 *
 * <p>Immutable; arrays are copied in and out. Invariants: log_bias and u_init have K finite values;
 * b and η are finite and positive. {@link #fingerprint()} identifies the parameters so that saved session
 * states can be checked against the model they were made with.
 */
public final class IpvaeModel implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final LinearDecoder decoder;
    private final double[] logBias;
    private final double[] bias;
    private final double logLr;
    private final double gain;
    private final double[] uInit;
    private final long fingerprint;

    private IpvaeModel(LinearDecoder decoder, double[] logBias, double logLr, double[] uInit) {
        this.decoder = decoder;
        this.logBias = logBias;
        this.logLr = logLr;
        this.uInit = uInit;
        this.gain = Checks.finiteExp(logLr, "log step size log_lr");
        this.bias = new double[logBias.length];
        for (int k = 0; k < logBias.length; k++) {
            bias[k] = Checks.finiteExp(logBias[k], "log_bias[" + k + "]");
        }
        long h = decoder.fingerprint(0x1f0a_7e5d_3c2b_9a81L);
        h = Checks.fold(h, logBias);
        h = Checks.fold(h, Double.doubleToLongBits(logLr));
        this.fingerprint = Checks.fold(h, uInit);
    }

    /**
     * The model from its checkpoint arrays.
     *
     * @param decoder Φ and log σ
     * @param logBias log of the per-latent bias b, K values
     * @param logLr log of the step size η
     * @param uInit the initial membrane potentials, K values
     * @throws InvalidIpvaeException if a length is not K or a value (or its exp) is not finite
     */
    public static IpvaeModel of(LinearDecoder decoder, double[] logBias, double logLr, double[] uInit) {
        if (decoder == null) {
            throw invalid("iP-VAE decoder is missing");
        }
        int latents = decoder.latentCount();
        return new IpvaeModel(decoder, Checks.finiteCopy(logBias, latents, "iP-VAE log_bias"), logLr,
                Checks.finiteCopy(uInit, latents, "iP-VAE u_init"));
    }

    public LinearDecoder decoder() {
        return decoder;
    }

    /** Number of features M. */
    public int featureCount() {
        return decoder.featureCount();
    }

    /** Number of latents K. */
    public int latentCount() {
        return decoder.latentCount();
    }

    /** A copy of log_bias. */
    public double[] logBias() {
        return logBias.clone();
    }

    /** b<sub>k</sub> = exp(log_bias<sub>k</sub>), subtracted from the drive in every update. */
    public double bias(int k) {
        return bias[k];
    }

    public double logLr() {
        return logLr;
    }

    /** The step size (gain) η = exp(log_lr). */
    public double gain() {
        return gain;
    }

    /** A copy of the initial membrane potentials u_init. */
    public double[] uInit() {
        return uInit.clone();
    }

    /** A 64-bit hash of every parameter bit and shape; equal models have equal fingerprints. */
    public long fingerprint() {
        return fingerprint;
    }

    double[] biasArray() {
        return bias;
    }

    double[] uInitArray() {
        return uInit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpvaeModel other
                && Double.compare(logLr, other.logLr) == 0
                && decoder.equals(other.decoder)
                && Arrays.equals(logBias, other.logBias)
                && Arrays.equals(uInit, other.uInit);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IpvaeModel[M=%d, K=%d, eta=%.4g, fingerprint=%016x]",
                featureCount(), latentCount(), gain, fingerprint);
    }
}
