package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

/**
 * How the iP-VAE runs inference (spec ipvae.md §2.2-2.3, §9.7); not learned.
 *
 * @param innerSteps updates per frame, {@code >= 1}; default 1 (the released models and the online mode).
 *     Each update draws new spikes; with more than one, each also leaks toward the frame's prior
 * @param betaInner weight of that leak, {@code >= 0}; default 1.0; unused when {@code innerSteps == 1}
 * @param clampU ceiling width c of the state's smooth clamp S_c, {@code > 0}; default 10 (test time; 2 at
 *     the start of training). The state stays in [-8, c)
 * @param clampDeltaU ceiling width of the step's smooth clamp, {@code > 0}; default 10
 * @param beta the KL weight β in the reported free energy F = NLL + β·KL, {@code >= 0}; default 24 (the
 *     released vH16 iP-VAE). It does not enter the dynamics
 * @param klForm the KL in the reported free energy; default {@link KlForm#EXACT}
 */
public record IpvaeConfig(
        int innerSteps, double betaInner, double clampU, double clampDeltaU, double beta, KlForm klForm) implements java.io.Serializable {

    public static final int DEFAULT_INNER_STEPS = 1;
    public static final double DEFAULT_BETA_INNER = 1.0;
    public static final double DEFAULT_CLAMP = 10;
    public static final double DEFAULT_BETA = 24;

    public IpvaeConfig {
        if (innerSteps < 1) {
            throw invalid("inner steps per frame must be >= 1; got %d", innerSteps);
        }
        if (!(Double.isFinite(betaInner) && betaInner >= 0)) {
            throw invalid("beta_inner must be finite and >= 0; got %s", betaInner);
        }
        if (!(Double.isFinite(clampU) && clampU > 0)) {
            throw invalid("state clamp width must be finite and > 0; got %s", clampU);
        }
        if (!(Double.isFinite(clampDeltaU) && clampDeltaU > 0)) {
            throw invalid("step clamp width must be finite and > 0; got %s", clampDeltaU);
        }
        if (!(Double.isFinite(beta) && beta >= 0)) {
            throw invalid("KL weight beta must be finite and >= 0; got %s", beta);
        }
        if (klForm == null) {
            throw invalid("KL form is missing");
        }
    }

    /** One update per frame, β_inner 1, clamps 10/10, β 24, exact KL. */
    public static IpvaeConfig defaults() {
        return new IpvaeConfig(DEFAULT_INNER_STEPS, DEFAULT_BETA_INNER, DEFAULT_CLAMP, DEFAULT_CLAMP, DEFAULT_BETA,
                KlForm.EXACT);
    }
}
