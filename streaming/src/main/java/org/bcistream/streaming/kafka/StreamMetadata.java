package org.bcistream.streaming.kafka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bcistream.hardware.ChannelSpec;
import org.bcistream.hardware.DeviceProfile;

/**
 * A signal stream as LSL describes it, carried with every signal chunk on Kafka.
 *
 * <p>Invariants: {@code channelCount >= 1}; labels and units empty or one per channel; rate finite, {@code >= 0}.
 *
 * @param name LSL stream name
 * @param type LSL content type ({@code EEG}, ...)
 * @param sourceId LSL source id, or empty
 * @param nominalRateHz nominal rate, hertz; 0 for irregular streams
 * @param channelCount values per sample
 * @param channelLabels channel labels, or empty
 * @param channelUnits channel units, or empty
 */
public record StreamMetadata(
        String name, String type, String sourceId, double nominalRateHz, int channelCount, List<String> channelLabels,
        List<String> channelUnits) implements Serializable {

    public StreamMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sourceId, "sourceId");
        channelLabels = List.copyOf(channelLabels);
        channelUnits = List.copyOf(channelUnits);
        if (channelCount < 1) {
            throw new IllegalArgumentException("stream '" + name + "' has " + channelCount + " channels; at least 1 is needed");
        }
        if (!(Double.isFinite(nominalRateHz) && nominalRateHz >= 0)) {
            throw new IllegalArgumentException("stream '" + name + "' has nominal rate " + nominalRateHz + " Hz");
        }
        for (List<String> list : List.of(channelLabels, channelUnits)) {
            if (!list.isEmpty() && list.size() != channelCount) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "stream '%s' has %d channels but %d labels or units",
                        name, channelCount, list.size()));
            }
        }
    }

    /** The stream a device profile describes, named after the session it carries. */
    public static StreamMetadata of(DeviceProfile profile, String sessionId, double rateHz) {
        List<String> labels = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (ChannelSpec channel : profile.channels()) {
            labels.add(channel.label());
            units.add(channel.type().isNeural() ? "microvolts" : channel.unit());
        }
        return new StreamMetadata(sessionId, profile.lsl().type(), sessionId, rateHz, profile.channelCount(), labels, units);
    }
}
