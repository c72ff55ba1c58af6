package org.bcistream.streaming.recording.xdf;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A stream as {@link XdfWriter} describes it in its StreamHeader: the LSL {@code info} fields and the
 * channel descriptions under {@code desc/channels/channel}.
 *
 * @param name stream name ({@code info/name})
 * @param type content type ({@code info/type}: {@code EEG}, {@code Markers}, ...)
 * @param channelCount values per sample, at least 1
 * @param nominalRateHz nominal rate, hertz; 0 for irregular streams (markers)
 * @param channelFormat value format of the samples
 * @param sourceId LSL source id, or empty
 * @param createdAt the stream's creation time on its own clock, seconds ({@code info/created_at})
 * @param channelLabels one label per channel, or empty
 * @param channelUnits one unit per channel (e.g. {@code microvolts}), or empty
 * @param channelTypes one type per channel (e.g. {@code EEG}), or empty
 * @param deviceModel the acquiring device ({@code desc/acquisition/model}; bcistream writes its device
 *     profile id), or empty
 */
public record XdfStreamDescription(
        String name,
        String type,
        int channelCount,
        double nominalRateHz,
        XdfChannelFormat channelFormat,
        String sourceId,
        double createdAt,
        List<String> channelLabels,
        List<String> channelUnits,
        List<String> channelTypes,
        String deviceModel) {

    public XdfStreamDescription {
        Objects.requireNonNull(deviceModel, "deviceModel");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channelFormat, "channelFormat");
        Objects.requireNonNull(sourceId, "sourceId");
        channelLabels = List.copyOf(channelLabels);
        channelUnits = List.copyOf(channelUnits);
        channelTypes = List.copyOf(channelTypes);
        if (channelCount < 1 || channelCount > XdfStreamState.MAX_CHANNELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "stream '%s' has %d channels; 1 to %d are allowed",
                    name, channelCount, XdfStreamState.MAX_CHANNELS));
        }
        if (!(nominalRateHz >= 0) || Double.isInfinite(nominalRateHz)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "stream '%s' has nominal rate %s Hz; it must be finite and >= 0", name, nominalRateHz));
        }
        if (!Double.isFinite(createdAt)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "stream '%s' has created_at %s", name, createdAt));
        }
        requireChannels(name, "labels", channelLabels, channelCount);
        requireChannels(name, "units", channelUnits, channelCount);
        requireChannels(name, "types", channelTypes, channelCount);
    }

    /** A stream without source id, creation time or channel descriptions. */
    public static XdfStreamDescription of(String name, String type, int channelCount, double nominalRateHz,
            XdfChannelFormat channelFormat) {
        return new XdfStreamDescription(name, type, channelCount, nominalRateHz, channelFormat, "", 0, List.of(), List.of(),
                List.of(), "");
    }

    /** This description with the given source id. */
    public XdfStreamDescription withSourceId(String id) {
        return new XdfStreamDescription(name, type, channelCount, nominalRateHz, channelFormat, id, createdAt, channelLabels,
                channelUnits, channelTypes, deviceModel);
    }

    /** This description with the given channel labels, units and types (each empty or one per channel). */
    public XdfStreamDescription withChannels(List<String> labels, List<String> units, List<String> types) {
        return new XdfStreamDescription(name, type, channelCount, nominalRateHz, channelFormat, sourceId, createdAt, labels,
                units, types, deviceModel);
    }

    /** This description with the given device model. */
    public XdfStreamDescription withDeviceModel(String model) {
        return new XdfStreamDescription(name, type, channelCount, nominalRateHz, channelFormat, sourceId, createdAt, channelLabels,
                channelUnits, channelTypes, model);
    }

    private static void requireChannels(String name, String what, List<String> values, int channelCount) {
        if (!values.isEmpty() && values.size() != channelCount) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "stream '%s' has %d channel %s for %d channels", name,
                    values.size(), what, channelCount));
        }
    }
}
