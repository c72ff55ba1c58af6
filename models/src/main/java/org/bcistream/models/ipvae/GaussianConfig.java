package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

/**
 * How the Gaussian iterative VAEs run inference (spec ipvae.md §3.1): updates per frame, the leak weight,
 * and the widths of the symmetric clamps c·tanh(y/c) on the steps and the state.
 *
 * @param innerSteps updates per frame, {@code >= 1}; default 1. With more than one, each leaks toward
 *     the frame's prior
 * @param betaInner weight of that leak, {@code >= 0}; default 1.0
 * @param clampDeltaMu clamp width of Δμ, {@code > 0}; default 7
 * @param clampDeltaXi clamp width of Δξ, {@code > 0}; default 3
 * @param clampMu clamp width of μ, {@code > 0}; default 7
 * @param clampXi clamp width of ξ = log s, {@code > 0}; default 2
 */
public record GaussianConfig(
        int innerSteps, double betaInner, double clampDeltaMu, double clampDeltaXi, double clampMu, double clampXi) {

    public GaussianConfig {
        if (innerSteps < 1) {
            throw invalid("inner steps per frame must be >= 1; got %d", innerSteps);
        }
        if (!(Double.isFinite(betaInner) && betaInner >= 0)) {
            throw invalid("beta_inner must be finite and >= 0; got %s", betaInner);
        }
        double[] widths = {clampDeltaMu, clampDeltaXi, clampMu, clampXi};
        String[] names = {"delta mu", "delta xi", "mu", "xi"};
        for (int i = 0; i < widths.length; i++) {
            if (!(Double.isFinite(widths[i]) && widths[i] > 0)) {
                throw invalid("clamp width of %s must be finite and > 0; got %s", names[i], widths[i]);
            }
        }
    }

    /** The released widths (7, 3, 7, 2), one update per frame, β_inner 1. */
    public static GaussianConfig defaults() {
        return new GaussianConfig(1, 1.0, 7, 3, 7, 2);
    }
}
