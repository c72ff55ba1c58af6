package org.bcistream.models.random;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact Poisson random counts for means from 0 to {@value #MAX_MEAN}, as needed for the spike counts of
 * the iP-VAE at inference (rates from e<sup>-8</sup> ≈ 3.4e-4 to e<sup>10</sup> ≈ 22,026).
 *
 * <ul>
 *   <li>mean &lt; {@value #PTRS_THRESHOLD}: inversion by sequential search of the CDF from 0 (one uniform,
 *       about mean + 1 comparisons);
 *   <li>mean &ge; {@value #PTRS_THRESHOLD}: PTRS, the transformed rejection with squeeze of W. Hörmann,
 *       "The transformed rejection method for generating Poisson random variables", Insurance: Mathematics
 *       and Economics 12 (1993) 39-45, doi:10.1016/0167-6687(93)90997-4; two uniforms per trial, about 1.15
 *       trials per count. The constants are the paper's (the same as NumPy's {@code random_poisson_ptrs}).
 * </ul>
 *
 * <p>Stateless and thread-safe; each call consumes uniforms from the given generator only, so a draw is a
 * deterministic function of the generator state. Inversion stops when the computed CDF no longer grows
 * (the remaining tail is below double rounding, probability ~1e-16 per draw).
 */
public final class PoissonSampler {

    /** Means at or above this use PTRS; below it, inversion. PTRS is valid from 10 on. */
    public static final double PTRS_THRESHOLD = 10;

    /** Largest accepted mean; counts stay far below {@link Integer#MAX_VALUE}. */
    public static final double MAX_MEAN = 1e9;

    /** ln(k!) for k below this come from a table; above, from Stirling's series. */
    private static final int TABLE_SIZE = 171;
    private static final double[] LOG_FACTORIAL = new double[TABLE_SIZE];
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    static {
        double factorial = 1;
        for (int k = 1; k < TABLE_SIZE; k++) {
            factorial *= k;
            LOG_FACTORIAL[k] = Math.log(factorial);
        }
    }

    private PoissonSampler() {}

    /**
     * One Poisson count with the given mean.
     *
     * @param rng the source of uniforms
     * @param mean the Poisson mean (rate), in [0, {@value #MAX_MEAN}]; 0 gives 0
     * @throws IllegalArgumentException if the mean is negative, NaN or too large
     */
    public static int sample(UniformRandomProvider rng, double mean) {
        if (!(mean >= 0 && mean <= MAX_MEAN)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Poisson mean must be in [0, %.0e]; got %s", MAX_MEAN, mean));
        }
        return mean < PTRS_THRESHOLD ? inversion(rng, mean) : transformedRejection(rng, mean);
    }

    private static int inversion(UniformRandomProvider rng, double mean) {
        double u = rng.nextDouble();
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf) {
            k++;
            p *= mean / k;
            double next = cdf + p;
            if (next == cdf) {
                break;
            }
            cdf = next;
        }
        return k;
    }

    private static int transformedRejection(UniformRandomProvider rng, double mean) {
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            // us == 0 (u = -0.5) gives k = -infinity, rejected below.
            double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (int) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            // log(0) = -infinity accepts, as in the paper.
            if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
                return (int) k;
            }
        }
    }

    /**
     * ln(k!) for a whole number {@code k >= 0}: exact products below 171, Stirling's series with four
     * correction terms above (truncation error below 1e-22 there).
     */
    static double logFactorial(double k) {
        if (k < TABLE_SIZE) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k + 1;
        double r = 1 / x;
        double r2 = r * r;
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI
                + r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 / 1680)));
    }
}
