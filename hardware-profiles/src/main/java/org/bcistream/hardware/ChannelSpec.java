package org.bcistream.hardware;

import java.util.Objects;

/**
 * One channel of a device's primary stream: its label (as the device, its LSL app or BrainFlow names it),
 * what it measures, and the unit its values carry in that stream (e.g. {@code microvolts}, {@code g},
 * {@code count}).
 *
 * <p>Invariants: all three are non-null; the label is not blank. Labels are unique within a profile,
 * compared case-insensitively (checked by {@link DeviceProfile}).
 *
 * @param label channel name, e.g. {@code Fp1}, {@code Right AUX}, {@code ch001}
 * @param type what the channel measures; decides whether decoders read it
 * @param unit unit of the streamed values, free text following the XDF convention ({@code microvolts},
 *     {@code g}, {@code deg/s}, {@code count}, {@code code}, {@code s}, {@code a.u.})
 */
public record ChannelSpec(@JsonRequired String label, @JsonRequired ChannelType type, @JsonRequired String unit) implements java.io.Serializable {
    /** Checks the invariants above. */
    public ChannelSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        if (label.isBlank()) {
            throw new IllegalArgumentException("channel label is blank");
        }
    }
}
