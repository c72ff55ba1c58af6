package org.bcistream.streaming.recording.xdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.w3c.dom.Element;

/**
 * One stream while the file is indexed: what its StreamHeader says, and what its chunks added so far (time
 * stamps, the Samples-chunk index, clock offsets, marker labels of string streams, the footer's sample
 * count). Never holds numeric sample values.
 */
final class XdfStreamState {
    /** Most channels a stream may declare; more is treated as a corrupt header. */
    static final int MAX_CHANNELS = 1 << 20;

    final int id;
    final String idText;
    final String name;
    final String type;
    final String sourceId;
    final String deviceModel;
    final XdfChannelFormat format;
    final int channelCount;
    final double nominalRate;
    final List<String> channelLabels;
    final List<String> channelUnits;
    final boolean canDropSamples;
    /** Interval added to the previous time stamp for a deduced one: 1 / nominal rate, or 0 when irregular. */
    final double deducedInterval;

    final DoubleSeries stamps = new DoubleSeries();
    final XdfChunkIndex chunks = new XdfChunkIndex();
    final DoubleSeries clockTimes = new DoubleSeries();
    final DoubleSeries clockValues = new DoubleSeries();
    /** Marker labels of a string stream, one per sample. */
    final List<String> labels = new ArrayList<>();
    /** Previous time stamp, for deduced ones; starts at 0 and carries across chunks. */
    double lastTimestamp;
    /** {@code sample_count} of the StreamFooter, or -1 when there is none or it has none. */
    long footerSampleCount = -1;
    boolean footerSeen;

    /**
     * Reads a StreamHeader's {@code <info>}: {@code channel_count}, {@code nominal_srate} and
     * {@code channel_format} are required, the rest optional.
     *
     * @param warnings receives a line when the channel descriptions do not match the channel count
     */
    XdfStreamState(int id, Element info, String file, long offset, List<String> warnings) throws RecordingFormatException {
        this.id = id;
        this.idText = Xdf.streamIdText(id);
        String what = "StreamHeader of stream " + idText;
        this.name = orEmpty(XdfXml.text(info, "name"));
        this.type = orEmpty(XdfXml.text(info, "type"));
        this.sourceId = orEmpty(XdfXml.text(info, "source_id"));
        this.deviceModel = orEmpty(XdfXml.text(info, "desc", "acquisition", "model"));
        String formatText = required(info, "channel_format", file, what, offset);
        try {
            this.format = XdfChannelFormat.fromXmlName(formatText);
        } catch (IllegalArgumentException e) {
            throw new RecordingFormatException(String.format(Locale.ROOT, "%s: byte offset %d: %s: %s", file, offset, what,
                    e.getMessage()), e);
        }
        String countText = required(info, "channel_count", file, what, offset);
        int count;
        try {
            count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_CHANNELS) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: %s has channel_count '%s'; it must be an integer from 1 to %d", file, offset, what,
                    countText, MAX_CHANNELS));
        }
        this.channelCount = count;
        String rateText = required(info, "nominal_srate", file, what, offset);
        double rate;
        try {
            rate = Double.parseDouble(rateText);
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: %s has nominal_srate '%s'; it must be a finite number >= 0 (0 = irregular)", file,
                    offset, what, rateText));
        }
        this.nominalRate = rate;
        this.deducedInterval = rate > 0 ? 1.0 / rate : 0.0;
        Element desc = XdfXml.child(info, "desc");
        List<Element> channels = XdfXml.children(XdfXml.child(desc, "channels"), "channel");
        List<String> labelList = channelTexts(channels, "label");
        List<String> unitList = channelTexts(channels, "unit");
        if (!channels.isEmpty() && channels.size() != count) {
            warnings.add(String.format(Locale.ROOT,
                    "stream %s: the header describes %d channels in desc/channels but declares channel_count %d; labels and units ignored",
                    idText, channels.size(), count));
            labelList = List.of();
            unitList = List.of();
        }
        this.channelLabels = labelList;
        this.channelUnits = unitList;
        this.canDropSamples = "true".equalsIgnoreCase(XdfXml.text(desc, "synchronization", "can_drop_samples"));
    }

    /** Samples counted so far. */
    int sampleCount() {
        return stamps.size();
    }

    /** Smallest number of bytes one sample can take in a Samples chunk. */
    long minSampleBytes() {
        // a string value needs at least a width byte and a one-byte length
        return 1 + (long) channelCount * (format == XdfChannelFormat.STRING ? 2 : format.bytesPerValue());
    }

    /** Bytes of one sample's values (numeric formats). */
    long valueBytes() {
        return (long) channelCount * format.bytesPerValue();
    }

    private static List<String> channelTexts(List<Element> channels, String field) {
        List<String> out = new ArrayList<>(channels.size());
        boolean any = false;
        for (Element channel : channels) {
            String text = XdfXml.text(channel, field);
            any |= text != null && !text.isEmpty();
            out.add(orEmpty(text));
        }
        return any ? out : List.of();
    }

    private static String required(Element info, String field, String file, String what, long offset)
            throws RecordingFormatException {
        String text = XdfXml.text(info, field);
        if (text == null) {
            throw new RecordingFormatException(String.format(Locale.ROOT, "%s: byte offset %d: %s has no <%s>", file, offset,
                    what, field));
        }
        return text;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
