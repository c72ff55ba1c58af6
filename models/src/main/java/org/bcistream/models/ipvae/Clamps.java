package org.bcistream.models.ipvae;

/** The clamp functions of the reference code (spec ipvae.md §2.2, §3.1 step 7, §8.4). */
final class Clamps {
    /** The hard floor of the Poisson state and step. */
    static final double FLOOR = -8;
    /** PyTorch's softplus returns its argument above this. */
    private static final double SOFTPLUS_THRESHOLD = 20;

    private Clamps() {}

    /** The Poisson clamp: hard floor at -8 first, then the smooth ceiling S_c. */
    static double poisson(double y, double c) {
        return softCeiling(Math.max(y, FLOOR), c);
    }

    /** S_c(y) = c − softplus(c − y), a smooth upper clamp. */
    static double softCeiling(double y, double c) {
        return c - softplus(c - y);
    }

    /**
     * log(1 + e^a), linear above 20 like PyTorch's. For a &ge; 0 it uses {@code log(1 + e^a)} (Math.log
     * is a JIT intrinsic, log1p is not; the two agree to an ulp there), below 0 {@code log1p(e^a)}.
     */
    static double softplus(double a) {
        if (a > SOFTPLUS_THRESHOLD) {
            return a;
        }
        double e = Math.exp(a);
        return a >= 0 ? Math.log(1 + e) : Math.log1p(e);
    }

    /** The symmetric clamp of the Gaussian variants: c·tanh(y/c). */
    static double tanh(double y, double c) {
        return c * Math.tanh(y / c);
    }
}
