package org.bcistream.streaming.recording;

import java.util.List;
import java.util.Objects;

/**
 * What a recording says about one of its numeric streams, in LSL terms.
 *
 * <p>Invariants: {@code channelCount > 0}; {@code channelLabels} and {@code channelUnits} are empty or hold
 * {@code channelCount} entries; {@code nominalRateHz} finite and {@code >= 0} (0 = irregular);
 * {@code sampleCount >= 0}; when {@code sampleCount > 0}, {@code firstTime <= lastTime}.
 *
 * @param id identifier within the recording (XDF stream id, EDF signal group, file name)
 * @param name stream name (LSL {@code name}, EDF patient/recording field, headset model)
 * @param type content type (LSL {@code type}: {@code EEG}, {@code Markers}, ...)
 * @param channelCount channels per sample
 * @param nominalRateHz nominal sampling rate, hertz; 0 for irregular streams
 * @param channelLabels channel labels in order, or empty when the file has none
 * @param channelUnits channel units in order (e.g. {@code microvolts}, {@code uV}), or empty
 * @param sampleCount number of samples the stream holds (as read; a truncated file counts what was readable)
 * @param firstTime time stamp of the first sample, seconds (after the reader's clock corrections)
 * @param lastTime time stamp of the last sample, seconds
 * @param sourceId LSL source id or an equivalent (device serial), or empty
 */
public record RecordedStream(
        String id,
        String name,
        String type,
        int channelCount,
        double nominalRateHz,
        List<String> channelLabels,
        List<String> channelUnits,
        long sampleCount,
        double firstTime,
        double lastTime,
        String sourceId) {

    public RecordedStream {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        type = type == null ? "" : type;
        sourceId = sourceId == null ? "" : sourceId;
        channelLabels = List.copyOf(channelLabels);
        channelUnits = List.copyOf(channelUnits);
        if (channelCount < 1) {
            throw new IllegalArgumentException("stream " + id + " has " + channelCount + " channels; at least 1 is needed");
        }
        if (!channelLabels.isEmpty() && channelLabels.size() != channelCount) {
            throw new IllegalArgumentException("stream " + id + " has " + channelLabels.size() + " labels for " + channelCount + " channels");
        }
        if (!channelUnits.isEmpty() && channelUnits.size() != channelCount) {
            throw new IllegalArgumentException("stream " + id + " has " + channelUnits.size() + " units for " + channelCount + " channels");
        }
        if (!(nominalRateHz >= 0) || Double.isInfinite(nominalRateHz)) {
            throw new IllegalArgumentException("stream " + id + " has nominal rate " + nominalRateHz + " Hz");
        }
        if (sampleCount < 0) {
            throw new IllegalArgumentException("stream " + id + " has " + sampleCount + " samples");
        }
    }

    /** Duration from the first to the last sample, seconds (0 for an empty or one-sample stream). */
    public double durationSeconds() {
        return sampleCount > 1 ? lastTime - firstTime : 0.0;
    }
}
