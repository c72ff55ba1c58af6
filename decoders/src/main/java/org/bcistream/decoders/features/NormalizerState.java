package org.bcistream.decoders.features;

/**
 * The running statistics of an {@link OnlineNormalizer} for one session: exponentially weighted mean and
 * (population) variance per feature, and how many vectors have been accepted.
 *
 * <p>A mutable Flink POJO (public no-arg constructor, getter/setter per field) owned by one session; not
 * thread-safe. Create it with {@link OnlineNormalizer#newState()}; the normaliser mutates the arrays in place.
 */
public final class NormalizerState {
    private double[] mean = new double[0];
    private double[] variance = new double[0];
    private long count;

    /** An empty state for serialisers; use {@link OnlineNormalizer#newState()} to get a usable one. */
    public NormalizerState() {}

    NormalizerState(int featureCount) {
        this.mean = new double[featureCount];
        this.variance = new double[featureCount];
    }

    /** Weighted mean per feature; the live array. */
    public double[] getMean() {
        return mean;
    }

    public void setMean(double[] mean) {
        this.mean = mean;
    }

    /** Weighted population variance per feature; the live array. */
    public double[] getVariance() {
        return variance;
    }

    public void setVariance(double[] variance) {
        this.variance = variance;
    }

    /** Number of feature vectors accepted so far. */
    public long getCount() {
        return count;
    }

    public void setCount(long count) {
        this.count = count;
    }
}
