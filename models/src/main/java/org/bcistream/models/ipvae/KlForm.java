package org.bcistream.models.ipvae;

/**
 * Which KL(Pois(e<sup>u</sup>) ‖ Pois(e<sup>u0</sup>)) a latent contributes to the free energy, with
 * Δ = u − u0 and f(Δ) = 1 + e<sup>Δ</sup>(Δ − 1) (spec ipvae.md §1.2, §8.1). Both are 0 when Δ = 0 and
 * agree to second order in Δ. Values in nats.
 */
public enum KlForm {
    /** The true Poisson KL, prior rate times f(Δ): e<sup>u0</sup>·f(Δ) = r log(r/r0) − r + r0. */
    EXACT {
        @Override
        public double divergence(double u, double uPrior) {
            return Math.exp(uPrior) * relativeGap(u - uPrior);
        }
    },
    /**
     * The form the reference training code uses, posterior rate times f(Δ): e<sup>u</sup>·f(Δ), which is
     * e<sup>Δ</sup> times the exact KL. Use it to reproduce the reference training loss.
     */
    REFERENCE_CODE {
        @Override
        public double divergence(double u, double uPrior) {
            return Math.exp(u) * relativeGap(u - uPrior);
        }
    };

    /** This form's KL for one latent with log-rates {@code u} (posterior) and {@code uPrior} (prior), nats. */
    public abstract double divergence(double u, double uPrior);

    /** f(Δ) = 1 + e^Δ(Δ − 1) = Δe^Δ − expm1(Δ), without the cancellation of the first form near Δ = 0. */
    private static double relativeGap(double delta) {
        return delta * Math.exp(delta) - Math.expm1(delta);
    }
}
