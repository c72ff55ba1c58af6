package org.bcistream.decoders.dsp;

import java.util.Locale;
import java.util.Objects;

/**
 * A causal multichannel IIR filter in second-order sections, direct form II transposed, computing exactly
 * what {@code scipy.signal.sosfilt} computes along the time axis of each channel:
 * <pre>
 *   y     = b0 x + z0
 *   z0'   = b1 x - a1 y + z1
 *   z1'   = b2 x - a2 y
 * </pre>
 * per section, the output of one section being the input of the next.
 *
 * <p>Data are {@code float} and sample-major ({@code data[offset + sample * channels + channel]}, LSL
 * layout); arithmetic and the filter memory ({@link SosFilterState}) are {@code double}, so the only
 * difference from filtering in float64 is the rounding of each output value to float. Chunking does not
 * change the result: the state carries every delay across calls. Inputs are expected finite; a NaN or
 * infinity would propagate into that channel's memory for good.
 *
 * <p>Immutable and thread-safe (all mutable data is in the caller's state); no allocation per call.
 */
public final class SosFilter {
    private final SecondOrderSections sections;
    private final double[] coefficients;
    private final int sectionCount;
    private final int channelCount;
    private final double[] unitStepDelays;

    /**
     * @param sections the filter; zero sections copy input to output
     * @param channelCount channels per sample, &gt; 0
     * @param initialConditions how each channel's memory starts
     * @throws IllegalArgumentException for a channel count below 1, or steady-state start requested for a
     *     filter that has no steady state (a pole at z = 1)
     */
    public SosFilter(SecondOrderSections sections, int channelCount, InitialConditions initialConditions) {
        this.sections = Objects.requireNonNull(sections, "sections");
        Objects.requireNonNull(initialConditions, "initialConditions");
        if (channelCount < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a filter needs at least 1 channel; got %d", channelCount));
        }
        this.channelCount = channelCount;
        this.coefficients = sections.toArray();
        this.sectionCount = sections.sectionCount();
        if (initialConditions == InitialConditions.STEADY_STATE) {
            try {
                this.unitStepDelays = sections.steadyStateInitialConditions();
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("steady-state initial conditions are impossible: " + e.getMessage(), e);
            }
        } else {
            this.unitStepDelays = null;
        }
    }

    /** The filter's sections. */
    public SecondOrderSections sections() {
        return sections;
    }

    /** A fresh state: zero delays, primed unless the filter starts in steady state. */
    public SosFilterState newState() {
        return new SosFilterState(channelCount * sectionCount * 2, unitStepDelays == null);
    }

    /** Filters {@code sampleCount} samples of {@code data} in place, starting at array index {@code offset}. */
    public void filterInPlace(float[] data, int offset, int sampleCount, SosFilterState state) {
        filter(data, offset, data, offset, sampleCount, state);
    }

    /**
     * Filters {@code sampleCount} samples from {@code input} into {@code output} (which may be the same
     * array at the same offset) and advances {@code state}.
     *
     * @param input sample-major values, {@code sampleCount * channelCount} of them from {@code inputOffset}
     * @param inputOffset array index of sample 0, channel 0 of the input
     * @param output where the filtered values go, same layout
     * @param outputOffset array index of sample 0, channel 0 of the output
     * @param sampleCount number of samples (time points), &gt;= 0
     * @param state this session's memory for this filter, from {@link #newState()}
     * @throws IllegalArgumentException if the state was made for a different filter shape or a range is out
     *     of bounds
     */
    public void filter(float[] input, int inputOffset, float[] output, int outputOffset, int sampleCount,
            SosFilterState state) {
        double[] delays = state.getDelays();
        if (delays == null || delays.length != channelCount * sectionCount * 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "filter state holds %d delays; this filter of %d channels x %d sections needs %d",
                    delays == null ? 0 : delays.length, channelCount, sectionCount, channelCount * sectionCount * 2));
        }
        long values = (long) sampleCount * channelCount;
        if (sampleCount < 0 || inputOffset < 0 || outputOffset < 0 || inputOffset + values > input.length
                || outputOffset + values > output.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d samples x %d channels do not fit input [%d, %d) and output [%d, %d)", sampleCount,
                    channelCount, inputOffset, input.length, outputOffset, output.length));
        }
        if (sampleCount == 0) {
            return;
        }
        if (!state.isPrimed()) {
            if (unitStepDelays != null) {
                primeWithFirstSample(input, inputOffset, delays);
            }
            state.setPrimed(true);
        }
        int in = inputOffset;
        int out = outputOffset;
        for (int sample = 0; sample < sampleCount; sample++) {
            int d = 0;
            for (int channel = 0; channel < channelCount; channel++) {
                double x = input[in++];
                for (int c = 0; c < coefficients.length; c += SecondOrderSections.COEFFICIENTS_PER_SECTION) {
                    double y = coefficients[c] * x + delays[d];
                    delays[d] = coefficients[c + 1] * x - coefficients[c + 4] * y + delays[d + 1];
                    delays[d + 1] = coefficients[c + 2] * x - coefficients[c + 5] * y;
                    x = y;
                    d += 2;
                }
                output[out++] = (float) x;
            }
        }
    }

    private void primeWithFirstSample(float[] input, int inputOffset, double[] delays) {
        for (int channel = 0; channel < channelCount; channel++) {
            double first = input[inputOffset + channel];
            int base = channel * sectionCount * 2;
            for (int i = 0; i < unitStepDelays.length; i++) {
                delays[base + i] = unitStepDelays[i] * first;
            }
        }
    }
}
