package org.bcistream.models.diffusion;

/**
 * Exponentially weighted mean and variance of a stream of observations (T. Finch, "Incremental
 * calculation of weighted mean and variance", 2009, eqs. 124 and 143): with weight α,
 * d = x − mean, mean += α·d, var = (1 − α)·(var + α·d²). The first observation sets the mean, with
 * variance 0. Mutable; not thread-safe.
 */
final class EwmaStatistic {
    private final double weight;
    private double mean;
    private double variance;
    private long count;

    /** A statistic with no observations whose newest observation weighs α = {@code weight}, in (0, 1]. */
    EwmaStatistic(double weight) {
        this.weight = weight;
    }

    void accept(double value) {
        if (count++ == 0) {
            mean = value;
            return;
        }
        double deviation = value - mean;
        double increment = weight * deviation;
        mean += increment;
        variance = (1 - weight) * (variance + deviation * increment);
    }

    long count() {
        return count;
    }

    double mean() {
        return mean;
    }

    double standardDeviation() {
        return Math.sqrt(variance);
    }

    /** mean + k·standard deviation. */
    double upperBound(double standardDeviations) {
        return mean + standardDeviations * standardDeviation();
    }
}
