package org.bcistream.streaming.lsl;

/**
 * The description of one channel in the XDF meta-data convention,
 * {@code <desc><channels><channel><label/><unit/><type/></channel>...}; empty strings mean "not given".
 *
 * @param label the channel name, e.g. {@code C3}
 * @param unit the physical unit, e.g. {@code microvolts}
 * @param type the content type, e.g. {@code EEG}
 */
public record ChannelInfo(String label, String unit, String type) {
    public ChannelInfo {
        label = label == null ? "" : label;
        unit = unit == null ? "" : unit;
        type = type == null ? "" : type;
    }

    /** A channel with only a label. */
    public static ChannelInfo labelled(String label) {
        return new ChannelInfo(label, "", "");
    }
}
