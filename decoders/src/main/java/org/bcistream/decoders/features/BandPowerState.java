package org.bcistream.decoders.features;

/**
 * The memory of {@link BandPowerFeatures} for one session: the last window of samples and where the stream
 * stands.
 *
 * <p>Layout: {@code ring} holds the last {@code windowSamples} samples, sample-major
 * ({@code ring[slot * channels + channel]}), sample {@code i} of the session in slot
 * {@code i % windowSamples}; {@code samplesSeen} counts the session's samples so far; {@code windowsComputed}
 * counts the windows analysed (emitted or spent on warm-up), i.e. the number k of the next window;
 * {@code normalizer} holds the normaliser's statistics (untouched when normalisation is off).
 *
 * <p>A mutable Flink POJO (public no-arg constructor, getter/setter per field) owned by one session; not
 * thread-safe. Create it with {@link BandPowerFeatures#newState()}.
 */
public final class BandPowerState {
    private float[] ring = new float[0];
    private long samplesSeen;
    private long windowsComputed;
    private NormalizerState normalizer = new NormalizerState();

    /** An empty state for serialisers; use {@link BandPowerFeatures#newState()} to get a usable one. */
    public BandPowerState() {}

    BandPowerState(int ringLength, NormalizerState normalizer) {
        this.ring = new float[ringLength];
        this.normalizer = normalizer;
    }

    /** The last window of samples, sample-major ring; the live array. */
    public float[] getRing() {
        return ring;
    }

    public void setRing(float[] ring) {
        this.ring = ring;
    }

    /** Samples of the session seen so far. */
    public long getSamplesSeen() {
        return samplesSeen;
    }

    public void setSamplesSeen(long samplesSeen) {
        this.samplesSeen = samplesSeen;
    }

    /** Windows analysed so far (the number of the next window). */
    public long getWindowsComputed() {
        return windowsComputed;
    }

    public void setWindowsComputed(long windowsComputed) {
        this.windowsComputed = windowsComputed;
    }

    /** The normaliser's statistics; the live object. */
    public NormalizerState getNormalizer() {
        return normalizer;
    }

    public void setNormalizer(NormalizerState normalizer) {
        this.normalizer = normalizer;
    }
}
