package org.bcistream.decoders.features;

import java.util.Locale;

/**
 * Online z-scoring of feature vectors with exponentially weighted mean and variance per feature.
 *
 * <p>Update ({@link #accept}), for the n-th vector (n from 1) with weight
 * {@code alpha_n = max(1 - lambda, 1 / n)}: {@code d = x - mean; mean += alpha d;
 * variance = (1 - alpha) (variance + alpha d^2)}. This is the numerically stable weighted form of
 * Welford's algorithm (T. Finch, "Incremental calculation of weighted mean and variance", 2009);
 * the {@code 1 / n} start makes the first {@code 1 / (1 - lambda)} vectors an equally weighted (unbiased
 * mean, population variance) average instead of being pulled towards the zero initial value, after which
 * the memory is exponential with factor {@code lambda} per vector.
 *
 * <p>Standardise ({@link #standardize}): {@code z = (x - mean) / sqrt(max(variance, VARIANCE_FLOOR))}, with
 * the statistics after accepting {@code x}. The floor keeps a constant feature at z = 0 instead of dividing
 * by zero. {@link #isWarmedUp} is true once more than {@code warmUpCount} vectors were accepted; callers emit
 * z-scores only then. Inputs are expected finite; a NaN would poison its feature's statistics for good.
 *
 * <p>Immutable and thread-safe (statistics live in the caller's {@link NormalizerState}); no allocation.
 */
public final class OnlineNormalizer {
    /** Smallest variance divided by, in squared feature units (a standard deviation of 1e-3). */
    public static final double VARIANCE_FLOOR = 1e-6;

    private final int featureCount;
    private final double forgettingFactor;
    private final int warmUpCount;

    /**
     * @param featureCount features per vector, &gt; 0
     * @param forgettingFactor lambda in (0, 1)
     * @param warmUpCount vectors to accept before {@link #isWarmedUp} turns true, {@code >= 0}
     */
    public OnlineNormalizer(int featureCount, double forgettingFactor, int warmUpCount) {
        if (featureCount < 1 || !(forgettingFactor > 0 && forgettingFactor < 1) || warmUpCount < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "normaliser needs features > 0, forgetting factor in (0, 1), warm-up >= 0; got %d, %s, %d",
                    featureCount, forgettingFactor, warmUpCount));
        }
        this.featureCount = featureCount;
        this.forgettingFactor = forgettingFactor;
        this.warmUpCount = warmUpCount;
    }

    /** Fresh statistics: nothing accepted. */
    public NormalizerState newState() {
        return new NormalizerState(featureCount);
    }

    /** Updates the statistics with one vector of {@code featureCount} values. */
    public void accept(double[] values, NormalizerState state) {
        double[] mean = state.getMean();
        double[] variance = state.getVariance();
        checkShape(values, mean, variance);
        long n = state.getCount() + 1;
        double alpha = Math.max(1.0 - forgettingFactor, 1.0 / n);
        for (int i = 0; i < featureCount; i++) {
            double difference = values[i] - mean[i];
            mean[i] += alpha * difference;
            variance[i] = (1.0 - alpha) * (variance[i] + alpha * difference * difference);
        }
        state.setCount(n);
    }

    /** Replaces each value by its z-score under the current statistics. */
    public void standardize(double[] values, NormalizerState state) {
        double[] mean = state.getMean();
        double[] variance = state.getVariance();
        checkShape(values, mean, variance);
        for (int i = 0; i < featureCount; i++) {
            values[i] = (values[i] - mean[i]) / Math.sqrt(Math.max(variance[i], VARIANCE_FLOOR));
        }
    }

    /** True once more than {@code warmUpCount} vectors have been accepted. */
    public boolean isWarmedUp(NormalizerState state) {
        return state.getCount() > warmUpCount;
    }

    private void checkShape(double[] values, double[] mean, double[] variance) {
        if (values.length != featureCount || mean == null || mean.length != featureCount || variance == null
                || variance.length != featureCount) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "normaliser of %d features got %d values and a state of %d means, %d variances", featureCount,
                    values.length, mean == null ? 0 : mean.length, variance == null ? 0 : variance.length));
        }
    }
}
