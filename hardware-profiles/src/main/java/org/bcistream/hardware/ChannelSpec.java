package org.bcistream.hardware;

import java.util.Objects;

/**
 * One channel of a device's primary stream: its label (as the device or its LSL app names it), what it
 * measures, and the unit its values carry after scaling (e.g. {@code microvolts}, {@code g}).
 */
public record ChannelSpec(String label, ChannelType type, String unit) {
    public ChannelSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        if (label.isBlank()) {
            throw new IllegalArgumentException("channel label is blank");
        }
    }
}
