package org.bcistream.models.ipvae.train;

import org.bcistream.models.ipvae.KlForm;

/**
 * One latent's KL(Pois(e<sup>u</sup>) ‖ Pois(e<sup>u0</sup>)) in either {@link KlForm} and its partial
 * derivatives, from the rates r = e<sup>u</sup>, r0 = e<sup>u0</sup> and Δ = u − u0, which the training
 * forward pass already has (spec ipvae.md §1.2):
 *
 * <ul>
 *   <li>exact: KL = rΔ − r + r0; ∂/∂u = rΔ; ∂/∂u0 = r0 − r;
 *   <li>reference code: KL = r·f(Δ) with f(Δ) = 1 + e<sup>Δ</sup>(Δ − 1); ∂/∂u = r(f(Δ) + Δe<sup>Δ</sup>);
 *       ∂/∂u0 = −rΔe<sup>Δ</sup>.
 * </ul>
 *
 * These direct forms agree with {@link KlForm#divergence} to rounding in absolute terms (they lose relative
 * precision only where the KL is negligible, Δ → 0). The prior is not detached: in training the KL gradient
 * reaches both steps (spec §2.2 step 2). Stateless.
 */
final class PoissonKl {
    private PoissonKl() {}

    static double value(KlForm form, double rate, double priorRate, double delta) {
        return switch (form) {
            case EXACT -> rate * delta - rate + priorRate;
            case REFERENCE_CODE -> rate * (1 + Math.exp(delta) * (delta - 1));
        };
    }

    static double wrtPosterior(KlForm form, double rate, double priorRate, double delta) {
        return switch (form) {
            case EXACT -> rate * delta;
            case REFERENCE_CODE -> {
                double expDelta = Math.exp(delta);
                yield rate * (1 + expDelta * (delta - 1) + delta * expDelta);
            }
        };
    }

    static double wrtPrior(KlForm form, double rate, double priorRate, double delta) {
        return switch (form) {
            case EXACT -> priorRate - rate;
            case REFERENCE_CODE -> -rate * delta * Math.exp(delta);
        };
    }
}
