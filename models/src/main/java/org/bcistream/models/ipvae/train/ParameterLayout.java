package org.bcistream.models.ipvae.train;

import java.util.Arrays;
import org.bcistream.models.ipvae.InitialParameters;
import org.bcistream.models.ipvae.IpvaeModel;
import org.bcistream.models.ipvae.LinearDecoder;
import org.bcistream.models.random.SplitMix64;
import org.bcistream.models.random.StandardNormal;

/**
 * Where each learned iP-VAE parameter (spec ipvae.md §2.7) lives in one flat vector θ, so that the
 * optimiser, the clipping and the weight decay treat them all alike:
 *
 * <pre>
 * [0, MK)              Φ, row-major: Φ[m][k] at m·K + k
 * [MK, MK+M)           log σ, raw (before the tanh soft clamp)
 * [MK+M, MK+M+K)       log_bias
 * MK+M+K               log_lr
 * [MK+M+K+1, size)     u_init
 * </pre>
 *
 * @param features M
 * @param latents K
 */
record ParameterLayout(int features, int latents) {

    int logSigma() {
        return features * latents;
    }

    int logBias() {
        return logSigma() + features;
    }

    int logLr() {
        return logBias() + latents;
    }

    int uInit() {
        return logLr() + 1;
    }

    int size() {
        return uInit() + latents;
    }

    /**
     * The initial θ (spec §2.5): Φ ~ N(0, (1e-4)²), log σ = 0, log_bias = −3, log_lr = 0, u_init ~ U(−6, −4),
     * drawn from {@code random} (Φ row by row, then u_init).
     */
    double[] initial(SplitMix64 random) {
        double[] theta = new double[size()];
        for (int i = 0; i < logSigma(); i++) {
            theta[i] = InitialParameters.PHI_SCALE * StandardNormal.sample(random);
        }
        Arrays.fill(theta, logBias(), logLr(), InitialParameters.LOG_BIAS);
        for (int k = 0; k < latents; k++) {
            theta[uInit() + k] = InitialParameters.uInit(random);
        }
        return theta;
    }

    /** The immutable model of θ. */
    IpvaeModel toModel(double[] theta) {
        double[][] phi = new double[features][];
        for (int m = 0; m < features; m++) {
            phi[m] = Arrays.copyOfRange(theta, m * latents, (m + 1) * latents);
        }
        LinearDecoder decoder = LinearDecoder.of(phi,
                Arrays.copyOfRange(theta, logSigma(), logBias()));
        return IpvaeModel.of(decoder, Arrays.copyOfRange(theta, logBias(), logLr()), theta[logLr()],
                Arrays.copyOfRange(theta, uInit(), size()));
    }
}
