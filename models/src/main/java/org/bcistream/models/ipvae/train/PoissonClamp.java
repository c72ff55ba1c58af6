package org.bcistream.models.ipvae.train;

/**
 * The clamp that the iP-VAE update applies to the step Δ and to the state u (spec ipvae.md §2.2, §8.4),
 * with its derivative for backpropagation: P<sub>c</sub>(y) = S<sub>c</sub>(max(y, −8)) with the smooth
 * ceiling S<sub>c</sub>(y) = c − softplus(c − y), softplus linear above 20 as in PyTorch. The values are
 * those of the inference engine's clamp (spec §10 T8). The derivative is 0 below the floor (at −8 exactly
 * the floor passes the gradient, as PyTorch's clamp does) and else softplus'(c − y) = sigmoid(c − y), 1
 * where softplus is linear. Stateless.
 */
final class PoissonClamp {
    static final double FLOOR = -8;
    private static final double SOFTPLUS_THRESHOLD = 20;

    private PoissonClamp() {}

    /** Returns P<sub>c</sub>(y) and writes dP<sub>c</sub>/dy to {@code slope[at]}. */
    static double apply(double y, double c, double[] slope, int at) {
        double a = c - Math.max(y, FLOOR);
        if (a > SOFTPLUS_THRESHOLD) {
            slope[at] = y < FLOOR ? 0 : 1;
            return c - a;
        }
        double e = Math.exp(a);
        slope[at] = y < FLOOR ? 0 : e / (1 + e);
        return c - (a >= 0 ? Math.log(1 + e) : Math.log1p(e));
    }
}
