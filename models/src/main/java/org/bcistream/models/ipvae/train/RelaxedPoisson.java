package org.bcistream.models.ipvae.train;

/**
 * The relaxed, reparameterised Poisson sample of the reference training code ("exponential arrival
 * times", spec ipvae.md §2.4): with rate λ = e<sup>u</sup> + 2<sup>-23</sup>, inter-arrival times
 * E<sub>j</sub> = ε<sub>j</sub>/λ from unit exponentials ε<sub>j</sub>, arrival times
 * T<sub>j</sub> = Σ<sub>i≤j</sub> E<sub>i</sub>, the soft count is
 *
 * <pre>z = Σ_{j=1..n} sigmoid((1 − T_j)/τ)</pre>
 *
 * which tends to the integer number of arrivals in [0, 1], a Poisson(λ) count, as τ → 0 (no
 * straight-through trick). n is the truncation ("n_exp"): the count saturates at n. The pathwise
 * derivative dz/du = e<sup>u</sup>·Σ<sub>j</sub> σ<sub>j</sub>(1 − σ<sub>j</sub>)·T<sub>j</sub>/(τλ) is returned
 * with each sample.
 *
 * <p>Arrival terms are summed in order and the sum stops at the first logit (1 − T<sub>j</sub>)/τ below −40:
 * that term and all later ones (T grows) are below 4.3e-18 each, so the value changes by less than n·4.3e-18
 * and the work is proportional to the arrivals that matter. Likewise a logit above 40 counts as exactly 1
 * with no slope (the omitted slope term is below 4.3e-18·T/(τλ)). Stateless; thread-safe when its noise
 * source is.
 */
final class RelaxedPoisson {

    /** float32 machine epsilon, added to every rate as the reference's Poisson distribution does. */
    static final double RATE_EPSILON = 0x1.0p-23;

    /** The reference's truncation quantile: n_exp = ppf<sub>1 − 1e-3</sub>(Poisson(rate)). */
    static final double TRUNCATION_QUANTILE = 1 - 1e-3;

    private static final double NEGLIGIBLE_LOGIT = -40;

    private final UnitExponentials noise;

    RelaxedPoisson(UnitExponentials noise) {
        this.noise = noise;
    }

    /**
     * One soft count from log-rate u.
     *
     * @param expU e<sup>u</sup>, the rate without the epsilon
     * @param temperature τ, {@code > 0}
     * @param truncation n, the number of arrivals considered
     * @param stream the noise stream of this sample
     * @param slope receives dz/du at {@code at}
     * @return the soft count z in [0, n]
     */
    double sample(double expU, double temperature, int truncation, long stream, double[] slope, int at) {
        double invRate = 1 / (expU + RATE_EPSILON);
        double invTemperature = 1 / temperature;
        double count = 0;
        double weightedSlope = 0;
        double unitArrival = 0;
        for (int j = 0; j < truncation; j++) {
            unitArrival += noise.get(stream, j);
            double time = unitArrival * invRate;
            double logit = (1 - time) * invTemperature;
            if (logit < NEGLIGIBLE_LOGIT) {
                break;
            }
            if (logit > -NEGLIGIBLE_LOGIT) {
                count += 1;
                continue;
            }
            double e = Math.exp(-logit);
            double onePlus = 1 + e;
            count += 1 / onePlus;
            weightedSlope += e / (onePlus * onePlus) * time;
        }
        slope[at] = weightedSlope * invTemperature * invRate * expU;
        return count;
    }

    /**
     * The reference's truncation for a rate: the smallest k with P(Poisson(rate) ≤ k) &ge; 0.999
     * ({@code compute_n_exp}; spec §10 T13: 3 → 10, 1 → 5, 10 → 21). The CDF is summed from the mode, where
     * the probability is largest, so that rates up to e<sup>10</sup> do not underflow.
     *
     * @param rate the Poisson mean, {@code > 0} and finite
     */
    static int truncation(double rate) {
        if (!(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("rate must be finite and > 0; got " + rate);
        }
        int mode = (int) Math.floor(rate);
        double logMode = -rate;
        for (int i = 1; i <= mode; i++) {
            logMode += Math.log(rate / i);
        }
        double atMode = Math.exp(logMode);
        double cdf = atMode;
        double p = atMode;
        for (int i = mode; i >= 1 && p > cdf * 1e-17; i--) {
            p *= i / rate;
            cdf += p;
        }
        int k = mode;
        p = atMode;
        while (cdf < TRUNCATION_QUANTILE) {
            k++;
            p *= rate / k;
            cdf += p;
        }
        return k;
    }
}
