package org.bcistream.decoders.features;

/**
 * The memory of {@link SpikeCountFeatures} for one session: the bin grid's origin (the first span's
 * start, seconds), the index of the open (not yet emitted) bin, and that bin's count per unit.
 * {@code started} is false until the first span arrives.
 *
 * <p>A mutable Flink POJO (public no-arg constructor, getter/setter per field) owned by one session; not
 * thread-safe. Create it with {@link SpikeCountFeatures#newState()}.
 */
public final class SpikeCountState {
    private boolean started;
    private double originTime;
    private long openBin;
    private int[] counts = new int[0];

    /** An empty state for serialisers; use {@link SpikeCountFeatures#newState()} to get a usable one. */
    public SpikeCountState() {}

    SpikeCountState(int units) {
        this.counts = new int[units];
    }

    /** True once the first span set the bin grid's origin. */
    public boolean isStarted() {
        return started;
    }

    public void setStarted(boolean started) {
        this.started = started;
    }

    /** Start of bin 0, seconds (source clock). */
    public double getOriginTime() {
        return originTime;
    }

    public void setOriginTime(double originTime) {
        this.originTime = originTime;
    }

    /** Index of the bin being counted (every lower bin has been emitted). */
    public long getOpenBin() {
        return openBin;
    }

    public void setOpenBin(long openBin) {
        this.openBin = openBin;
    }

    /** Spikes per unit so far in the open bin; the live array. */
    public int[] getCounts() {
        return counts;
    }

    public void setCounts(int[] counts) {
        this.counts = counts;
    }
}
