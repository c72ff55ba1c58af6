package org.bcistream.decoders.preprocess;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bcistream.decoders.dsp.Butterworth;
import org.bcistream.decoders.dsp.Notch;
import org.bcistream.decoders.dsp.SecondOrderSections;
import org.bcistream.decoders.dsp.SosFilter;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.hardware.DeviceProfile;

/**
 * The preprocess stage of one device profile at one nominal rate: turns each raw signal chunk of a session
 * into a chunk of the profile's neural channels only, in microvolts, re-referenced and filtered.
 *
 * <p>Per sample, in order:
 * <ol>
 *   <li>channel map: keep the profile's neural channels ({@link DeviceProfile#neuralChannelIndices()}) in
 *       stream order, drop the auxiliary ones;
 *   <li>scale: multiply by {@code microvoltsPerCount} when {@link PreprocessConfig#inputInCounts()};
 *   <li>re-reference: subtract the mean of the {@link ReferenceMode} channels (computed in double);
 *   <li>filter: the notch, then the Butterworth band-pass (or high-/low-pass), causal, in second-order
 *       sections with double-precision memory kept in {@link PreprocessState}.
 * </ol>
 * The output chunk keeps the input's session, stream, nominal rate, time stamps and ingest instant; its
 * channel count is the number of neural channels. Because every step is sample by sample, the output does
 * not depend on how the stream is cut into chunks. Input records are finite by contract, so is the output.
 *
 * <p>Immutable and thread-safe (per-session memory is in the state); allocates only the output chunk.
 */
public final class Preprocessor {
    /** Relative tolerance when comparing a chunk's nominal rate with the stage's rate. */
    private static final double RATE_TOLERANCE = 1e-9;

    private final DeviceProfile profile;
    private final double rateHz;
    private final int[] neuralChannels;
    private final int[] referencePositions;
    private final double scale;
    private final SosFilter filter;

    /**
     * @param profile the device the chunks come from
     * @param nominalRateHz the stream's nominal rate, hertz; every chunk must carry it
     * @param config what to do
     * @throws InvalidPreprocessConfigException if the config does not fit the rate (an edge at or above
     *     Nyquist) or the profile (an unknown reference channel, counts input without
     *     {@code microvoltsPerCount})
     */
    public Preprocessor(DeviceProfile profile, double nominalRateHz, PreprocessConfig config) {
        this.profile = Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(config, "config");
        config.validateFor(nominalRateHz);
        this.rateHz = nominalRateHz;
        this.neuralChannels = profile.neuralChannelIndices();
        this.referencePositions = ReferenceChannels.positions(profile, config.reference());
        if (config.inputInCounts() && profile.microvoltsPerCount() == null) {
            throw new InvalidPreprocessConfigException(String.format(Locale.ROOT,
                    "input is configured as ADC counts but profile %s has no microvoltsPerCount to scale them",
                    profile.id()));
        }
        this.scale = config.inputInCounts() ? profile.microvoltsPerCount() : 1.0;
        this.filter = new SosFilter(filterCascade(config, nominalRateHz), neuralChannels.length, config.initialConditions());
    }

    /** A fresh per-session state (filters at rest, or waiting for the first sample in steady-state mode). */
    public PreprocessState newState() {
        return new PreprocessState(filter.newState());
    }

    /**
     * Preprocesses one chunk and advances the session's filter memory.
     *
     * @param in a chunk of the profile's primary stream, all channels, at the stage's nominal rate
     * @param state this session's state from {@link #newState()}
     * @return a new chunk with the neural channels only, same time stamps
     * @throws ChannelMismatchException if the chunk's channel count is not the profile's
     * @throws SampleRateMismatchException if the chunk's nominal rate is not the stage's
     */
    public SignalChunk process(SignalChunk in, PreprocessState state) {
        if (in.channelCount() != profile.channelCount()) {
            throw new ChannelMismatchException(String.format(Locale.ROOT, "chunk of session %s has %d channels, profile %s expects %d",
                    in.sessionId(), in.channelCount(), profile.id(), profile.channelCount()),
                    in.channelCount(), profile.channelCount());
        }
        if (!(Math.abs(in.nominalRateHz() - rateHz) <= RATE_TOLERANCE * rateHz)) {
            throw new SampleRateMismatchException(String.format(Locale.ROOT,
                    "chunk of session %s has nominal rate %s Hz, the preprocessor of profile %s runs at %s Hz",
                    in.sessionId(), in.nominalRateHz(), profile.id(), rateHz), in.nominalRateHz(), rateHz);
        }
        int samples = in.sampleCount();
        int channels = neuralChannels.length;
        float[] out = new float[samples * channels];
        for (int s = 0; s < samples; s++) {
            double reference = 0.0;
            for (int position : referencePositions) {
                reference += in.sample(s, neuralChannels[position]) * scale;
            }
            if (referencePositions.length > 0) {
                reference /= referencePositions.length;
            }
            int base = s * channels;
            for (int c = 0; c < channels; c++) {
                out[base + c] = (float) (in.sample(s, neuralChannels[c]) * scale - reference);
            }
        }
        filter.filterInPlace(out, 0, samples, state.getFilter());
        return new SignalChunk(in.sessionId(), in.streamId(), channels, in.nominalRateHz(), in.timestamps(), out,
                in.ingestNanos());
    }

    /** Labels of the output channels (the profile's neural channels), in output order. */
    public List<String> outputChannelLabels() {
        return profile.neuralChannelLabels();
    }

    /** The designed filter cascade (notch sections, then band-pass sections); the identity if none. */
    public SecondOrderSections filterSections() {
        return filter.sections();
    }

    private static SecondOrderSections filterCascade(PreprocessConfig config, double rateHz) {
        SecondOrderSections notch = config.notchHz() == null
                ? SecondOrderSections.identity()
                : Notch.iirNotch(config.notchHz(), config.notchQuality(), rateHz);
        Double low = config.bandPassLowHz();
        Double high = config.bandPassHighHz();
        int order = config.bandPassOrder();
        SecondOrderSections band;
        if (low != null && high != null) {
            band = Butterworth.bandPass(order, low, high, rateHz);
        } else if (low != null) {
            band = Butterworth.highPass(order, low, rateHz);
        } else if (high != null) {
            band = Butterworth.lowPass(order, high, rateHz);
        } else {
            band = SecondOrderSections.identity();
        }
        return notch.followedBy(band);
    }
}
