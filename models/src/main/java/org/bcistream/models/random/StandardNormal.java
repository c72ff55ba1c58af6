package org.bcistream.models.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Standard normal N(0, 1) deviates by the Box-Muller transform (Box and Muller, Ann. Math. Statist. 29
 * (1958) 610-611): {@code sqrt(-2 ln(1 - U1)) cos(2 pi U2)} with two uniforms per deviate. The sine half is
 * discarded so that no deviate is cached between calls: a draw depends on the generator state only, which
 * keeps saved generator states complete. Stateless and thread-safe.
 */
public final class StandardNormal {
    private static final double TWO_PI = 2 * Math.PI;

    private StandardNormal() {}

    /** One N(0, 1) deviate; consumes exactly two uniforms. */
    public static double sample(UniformRandomProvider rng) {
        double radius = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
        return radius * Math.cos(TWO_PI * rng.nextDouble());
    }
}
