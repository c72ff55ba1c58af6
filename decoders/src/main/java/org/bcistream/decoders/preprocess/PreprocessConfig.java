package org.bcistream.decoders.preprocess;

import java.util.Locale;
import java.util.Objects;
import org.bcistream.decoders.dsp.Butterworth;
import org.bcistream.decoders.dsp.InitialConditions;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.Modality;

/**
 * What a {@link Preprocessor} does to a session's neural channels, in this order: scale counts to
 * microvolts (if the input is raw ADC counts), re-reference, notch, band-pass.
 *
 * <p>Validated on construction (rate-independent rules) and by {@link #validateFor(double)} (edges below
 * Nyquist), with {@link InvalidPreprocessConfigException} messages that carry the numbers. Immutable; build
 * variants with the {@code with...} methods.
 *
 * @param reference the software re-reference
 * @param bandPassLowHz lower -3 dB edge of the Butterworth band-pass, hertz, or null for none (then a
 *     low-pass at {@code bandPassHighHz} if that is set)
 * @param bandPassHighHz upper -3 dB edge, hertz, or null for none (then a high-pass at {@code bandPassLowHz}
 *     if that is set); both null = no band-pass
 * @param bandPassOrder Butterworth order N (a band-pass has 2N poles), 1 to {@value Butterworth#MAX_ORDER},
 *     default {@value #DEFAULT_BAND_PASS_ORDER}
 * @param notchHz mains notch frequency, hertz, or null for none
 * @param notchQuality notch quality factor {@code f0 / bandwidth}, default {@value #DEFAULT_NOTCH_QUALITY}
 * @param inputInCounts true when chunks carry raw ADC counts, scaled by the profile's
 *     {@code microvoltsPerCount}; false when they are already in microvolts (the {@code SignalChunk} contract)
 * @param initialConditions how the filters start, {@link InitialConditions#ZERO} by default (causal, from
 *     rest)
 */
public record PreprocessConfig(
        ReferenceMode reference,
        Double bandPassLowHz,
        Double bandPassHighHz,
        int bandPassOrder,
        Double notchHz,
        double notchQuality,
        boolean inputInCounts,
        InitialConditions initialConditions) implements java.io.Serializable {

    /** Default lower band-pass edge for EEG, hertz. */
    public static final double DEFAULT_BAND_PASS_LOW_HZ = 1.0;
    /** Default upper band-pass edge for EEG, hertz, lowered to {@link #NYQUIST_FRACTION_CAP} x Nyquist if needed. */
    public static final double DEFAULT_BAND_PASS_HIGH_HZ = 40.0;
    /** The default upper edge never exceeds this fraction of the Nyquist frequency. */
    public static final double NYQUIST_FRACTION_CAP = 0.9;
    public static final int DEFAULT_BAND_PASS_ORDER = 4;
    public static final double DEFAULT_NOTCH_QUALITY = 30.0;

    public PreprocessConfig {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(initialConditions, "initialConditions");
        checkPositive(bandPassLowHz, "band-pass low edge");
        checkPositive(bandPassHighHz, "band-pass high edge");
        if (bandPassLowHz != null && bandPassHighHz != null && !(bandPassLowHz < bandPassHighHz)) {
            throw invalid("band-pass low edge %s Hz must be below the high edge %s Hz", bandPassLowHz, bandPassHighHz);
        }
        if (bandPassOrder < 1 || bandPassOrder > Butterworth.MAX_ORDER) {
            throw invalid("band-pass order must be in 1..%d; got %d", Butterworth.MAX_ORDER, bandPassOrder);
        }
        checkPositive(notchHz, "notch frequency");
        if (!(notchQuality > 0) || Double.isInfinite(notchQuality)) {
            throw invalid("notch quality factor must be finite and > 0; got %s", notchQuality);
        }
    }

    /** The defaults for a profile at its default rate; see {@link #defaults(DeviceProfile, double)}. */
    public static PreprocessConfig defaults(DeviceProfile profile) {
        return defaults(profile, profile.defaultRateHz());
    }

    /**
     * The defaults for a profile at a rate: common-average reference; for EEG and synthetic profiles a
     * band-pass from {@value #DEFAULT_BAND_PASS_LOW_HZ} Hz to {@value #DEFAULT_BAND_PASS_HIGH_HZ} Hz (capped at
     * 0.9 x Nyquist), order 4; none for intracortical profiles, whose LFP and spike-band content lies above
     * 40 Hz (configure one explicitly); the profile's {@code mainsNotchHz} with Q 30 when it is below
     * Nyquist; input in microvolts; filters start from zero.
     */
    public static PreprocessConfig defaults(DeviceProfile profile, double rateHz) {
        double nyquist = rateHz / 2.0;
        boolean bandPass = profile.modality() != Modality.INTRACORTICAL;
        Double mains = profile.mainsNotchHz();
        return new PreprocessConfig(
                ReferenceMode.commonAverage(),
                bandPass ? DEFAULT_BAND_PASS_LOW_HZ : null,
                bandPass ? Math.min(DEFAULT_BAND_PASS_HIGH_HZ, NYQUIST_FRACTION_CAP * nyquist) : null,
                DEFAULT_BAND_PASS_ORDER,
                mains != null && mains < nyquist ? mains : null,
                DEFAULT_NOTCH_QUALITY,
                false,
                InitialConditions.ZERO);
    }

    /**
     * Checks the rate-dependent rules: every filter frequency strictly between 0 and the Nyquist frequency.
     *
     * @throws InvalidPreprocessConfigException naming the frequency, the Nyquist frequency and the rate
     */
    public void validateFor(double rateHz) {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw invalid("sampling rate must be finite and > 0; got %s Hz", rateHz);
        }
        checkBelowNyquist(bandPassLowHz, "band-pass low edge", rateHz);
        checkBelowNyquist(bandPassHighHz, "band-pass high edge", rateHz);
        checkBelowNyquist(notchHz, "notch frequency", rateHz);
    }

    /** True when a band-, high- or low-pass is configured. */
    public boolean hasBandPass() {
        return bandPassLowHz != null || bandPassHighHz != null;
    }

    /** This config with another reference. */
    public PreprocessConfig withReference(ReferenceMode newReference) {
        return new PreprocessConfig(newReference, bandPassLowHz, bandPassHighHz, bandPassOrder, notchHz, notchQuality,
                inputInCounts, initialConditions);
    }

    /** This config with other band-pass edges (null = absent) and order. */
    public PreprocessConfig withBandPass(Double lowHz, Double highHz, int order) {
        return new PreprocessConfig(reference, lowHz, highHz, order, notchHz, notchQuality, inputInCounts,
                initialConditions);
    }

    /** This config with another notch (null frequency = none). */
    public PreprocessConfig withNotch(Double frequencyHz, double quality) {
        return new PreprocessConfig(reference, bandPassLowHz, bandPassHighHz, bandPassOrder, frequencyHz, quality,
                inputInCounts, initialConditions);
    }

    /** This config reading raw ADC counts (true) or microvolts (false). */
    public PreprocessConfig withInputInCounts(boolean counts) {
        return new PreprocessConfig(reference, bandPassLowHz, bandPassHighHz, bandPassOrder, notchHz, notchQuality,
                counts, initialConditions);
    }

    /** This config with filters starting another way. */
    public PreprocessConfig withInitialConditions(InitialConditions start) {
        return new PreprocessConfig(reference, bandPassLowHz, bandPassHighHz, bandPassOrder, notchHz, notchQuality,
                inputInCounts, start);
    }

    private static void checkPositive(Double hz, String what) {
        if (hz != null && (!(hz > 0) || hz.isInfinite())) {
            throw invalid("%s must be finite and > 0 Hz; got %s Hz", what, hz);
        }
    }

    private static void checkBelowNyquist(Double hz, String what, double rateHz) {
        if (hz != null && !(hz < rateHz / 2.0)) {
            throw invalid("%s %s Hz is not below the Nyquist frequency %s Hz (rate %s Hz)", what, hz, rateHz / 2.0, rateHz);
        }
    }

    private static InvalidPreprocessConfigException invalid(String format, Object... args) {
        return new InvalidPreprocessConfigException(String.format(Locale.ROOT, format, args));
    }
}
