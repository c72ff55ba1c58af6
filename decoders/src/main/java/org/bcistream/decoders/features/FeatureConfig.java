package org.bcistream.decoders.features;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the feature stage turns preprocessed signals into feature frames: sliding-window band power for
 * continuous signals ({@link BandPowerFeatures}) and binned spike counts for spike events
 * ({@link SpikeCountFeatures}).
 *
 * <p>Validated on construction with {@link InvalidFeatureConfigException} messages that carry the
 * numbers; rate-dependent rules (window of at least 2 samples, hop of at least 1 sample, every band holding
 * an FFT bin below Nyquist) are checked when a {@link BandPowerFeatures} is built. Immutable.
 *
 * <p>Normalisation applies to band power only (spike counts stay counts). The normaliser weights a frame
 * {@code j} frames old by {@code lambda^j}: an exponential memory with a time constant of
 * {@code -1 / ln(lambda)} frames, about {@code 1 / (1 - lambda)} frames (100 frames = 25 s at the default
 * 0.99 and hop 0.25 s); see {@link #normalizerTimeConstantSeconds()}. The first {@code warmUpFrames} windows
 * of a session only train the statistics and are not emitted (see {@link OnlineNormalizer}).
 *
 * @param windowSeconds band-power window length, seconds (rounded to whole samples), default 1.0
 * @param hopSeconds time between window ends, seconds (need not be a whole number of samples), default 0.25
 * @param bands the bands, in column order; names unique; default theta 4-8, alpha 8-13, beta 13-30, gamma 30-40 Hz
 * @param spikeBinSeconds spike-count bin width, seconds, default 0.02
 * @param normalize whether band powers are z-scored online, default true
 * @param forgettingFactor the normaliser's per-frame forgetting factor lambda, in (0, 1), default 0.99
 * @param warmUpFrames windows per session that only train the normaliser, {@code >= 0}, default 20
 */
public record FeatureConfig(
        double windowSeconds,
        double hopSeconds,
        List<FrequencyBand> bands,
        double spikeBinSeconds,
        boolean normalize,
        double forgettingFactor,
        int warmUpFrames) implements java.io.Serializable {

    public static final double DEFAULT_WINDOW_SECONDS = 1.0;
    public static final double DEFAULT_HOP_SECONDS = 0.25;
    public static final List<FrequencyBand> DEFAULT_BANDS = List.of(
            new FrequencyBand("theta", 4, 8),
            new FrequencyBand("alpha", 8, 13),
            new FrequencyBand("beta", 13, 30),
            new FrequencyBand("gamma", 30, 40));
    public static final double DEFAULT_SPIKE_BIN_SECONDS = 0.02;
    public static final double DEFAULT_FORGETTING_FACTOR = 0.99;
    public static final int DEFAULT_WARM_UP_FRAMES = 20;

    public FeatureConfig {
        checkPositive(windowSeconds, "window length");
        checkPositive(hopSeconds, "hop");
        checkPositive(spikeBinSeconds, "spike bin width");
        if (bands == null || bands.isEmpty()) {
            throw new InvalidFeatureConfigException("at least one frequency band is needed");
        }
        bands = List.copyOf(bands);
        Set<String> names = new HashSet<>();
        for (FrequencyBand band : bands) {
            if (!names.add(band.name().toLowerCase(Locale.ROOT))) {
                throw invalid("band name %s appears twice", band.name());
            }
        }
        if (!(forgettingFactor > 0 && forgettingFactor < 1)) {
            throw invalid("forgetting factor must be in (0, 1); got %s", forgettingFactor);
        }
        if (warmUpFrames < 0) {
            throw invalid("warm-up frame count must be >= 0; got %d", warmUpFrames);
        }
    }

    /** All defaults: 1 s windows every 0.25 s, theta/alpha/beta/gamma, 20 ms spike bins, normaliser 0.99, warm-up 20. */
    public static FeatureConfig defaults() {
        return new FeatureConfig(DEFAULT_WINDOW_SECONDS, DEFAULT_HOP_SECONDS, DEFAULT_BANDS, DEFAULT_SPIKE_BIN_SECONDS,
                true, DEFAULT_FORGETTING_FACTOR, DEFAULT_WARM_UP_FRAMES);
    }

    /** The normaliser's memory as an e-folding time, seconds: {@code hopSeconds * -1 / ln(forgettingFactor)}. */
    public double normalizerTimeConstantSeconds() {
        return hopSeconds * -1.0 / Math.log(forgettingFactor);
    }

    /** This config with another window length and hop, seconds. */
    public FeatureConfig withWindow(double newWindowSeconds, double newHopSeconds) {
        return new FeatureConfig(newWindowSeconds, newHopSeconds, bands, spikeBinSeconds, normalize, forgettingFactor,
                warmUpFrames);
    }

    /** This config with other bands. */
    public FeatureConfig withBands(List<FrequencyBand> newBands) {
        return new FeatureConfig(windowSeconds, hopSeconds, newBands, spikeBinSeconds, normalize, forgettingFactor,
                warmUpFrames);
    }

    /** This config with another spike bin width, seconds. */
    public FeatureConfig withSpikeBinSeconds(double newSpikeBinSeconds) {
        return new FeatureConfig(windowSeconds, hopSeconds, bands, newSpikeBinSeconds, normalize, forgettingFactor,
                warmUpFrames);
    }

    /** This config with normalisation switched and parameterised. */
    public FeatureConfig withNormalization(boolean on, double newForgettingFactor, int newWarmUpFrames) {
        return new FeatureConfig(windowSeconds, hopSeconds, bands, spikeBinSeconds, on, newForgettingFactor,
                newWarmUpFrames);
    }

    private static void checkPositive(double seconds, String what) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw invalid("%s must be finite and > 0 s; got %s s", what, seconds);
        }
    }

    private static InvalidFeatureConfigException invalid(String format, Object... args) {
        return new InvalidFeatureConfigException(String.format(Locale.ROOT, format, args));
    }
}
