package org.bcistream.hardware;

import java.util.Locale;
import java.util.Objects;

/**
 * What an LSL resolver reports about a stream, as far as profile matching needs it.
 *
 * <p>Invariants: {@code name} and {@code type} are non-null; {@code channelCount >= 1};
 * {@code nominalRateHz} is finite and {@code >= 0}, where 0 means irregular or unknown (LSL's
 * {@code IRREGULAR_RATE}) and is then not used for matching.
 *
 * @param name the stream name, e.g. {@code obci_eeg1}
 * @param type the content type, e.g. {@code EEG}
 * @param channelCount number of channels
 * @param nominalRateHz nominal sampling rate, hertz; 0 when unknown
 */
public record LslStreamDescription(String name, String type, int channelCount, double nominalRateHz) {
    /** Checks the invariants above. */
    public LslStreamDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (channelCount < 1) {
            throw new IllegalArgumentException("channelCount must be >= 1, got " + channelCount);
        }
        if (!(nominalRateHz >= 0) || Double.isInfinite(nominalRateHz)) {
            throw new IllegalArgumentException("nominalRateHz must be finite and >= 0 (0 = unknown), got " + nominalRateHz);
        }
    }

    /** A description whose nominal rate is unknown. */
    public static LslStreamDescription of(String name, String type, int channelCount) {
        return new LslStreamDescription(name, type, channelCount, 0);
    }

    /** True when the nominal rate is known (not 0). */
    public boolean hasRate() {
        return nominalRateHz > 0;
    }

    /** E.g. {@code 'obci_eeg1' (type EEG, 8 channels, 250 Hz)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "'%s' (type %s, %d channels, %s)", name, type, channelCount,
                hasRate() ? DeviceProfile.number(nominalRateHz) + " Hz" : "rate unknown");
    }
}
