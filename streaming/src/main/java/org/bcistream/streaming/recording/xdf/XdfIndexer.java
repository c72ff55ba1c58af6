package org.bcistream.streaming.recording.xdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.w3c.dom.Element;

/**
 * The single pass over an XDF file that {@link XdfRecording#open} makes: checks every chunk's length, tag,
 * stream id and content against the file and the chunk before reading or allocating anything, parses the
 * XML chunks, keeps clock offsets, time stamps and marker strings, and indexes the Samples chunks of every
 * stream. Numeric sample values are skipped, not read.
 */
final class XdfIndexer {
    /** Largest XML payload (file or stream header, footer) accepted, bytes. */
    static final int MAX_XML_BYTES = 16 << 20;
    /** Largest single string value accepted, bytes. */
    static final int MAX_STRING_BYTES = 16 << 20;
    /** Separator between the channels of a multi-channel string sample in its marker label. */
    static final String CHANNEL_SEPARATOR = "\t";

    private final XdfInput in;
    private final String file;
    private final XdfXml xml = new XdfXml();
    private final Map<Integer, XdfStreamState> streams = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    /** Unknown tag to {count, offset of the first}. */
    private final Map<Integer, long[]> unknownTags = new TreeMap<>();
    private int chunks;

    XdfIndexer(XdfInput in) {
        this.in = in;
        this.file = in.file();
    }

    /** The streams in StreamHeader order. */
    List<XdfStreamState> streams() {
        return List.copyOf(streams.values());
    }

    /** What the pass read past, one line each. */
    List<String> warnings() {
        return warnings;
    }

    /** Reads the whole file; see {@link XdfRecording} for what fails and what only warns. */
    void index() throws IOException {
        long size = in.size();
        byte[] head = in.bytes((int) Math.min(Xdf.MAGIC.length, size));
        if (!Arrays.equals(head, Xdf.MAGIC)) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset 0: not an XDF file: it starts with %s, not the magic 'XDF:' %s", file,
                    Arrays.toString(head), Arrays.toString(Xdf.MAGIC)));
        }
        while (in.position() < size) {
            long at = in.position();
            int width = in.u8();
            if (width != 1 && width != 4 && width != 8) {
                throw new RecordingFormatException(String.format(Locale.ROOT,
                        "%s: byte offset %d: chunk %d has a length width of %d bytes; XDF allows 1, 4 or 8", file, at,
                        chunks + 1, width));
            }
            if (size - at - 1 < width) {
                cut(at, -1, -1, size - at);
                break;
            }
            in.seek(at);
            long length = in.varLength("the chunk length", size);
            long tagAt = in.position();
            if (length > size - tagAt) {
                cut(at, size - tagAt >= Xdf.TAG_BYTES ? in.u16() : -1, length, size - tagAt);
                break;
            }
            if (length < Xdf.TAG_BYTES) {
                throw new RecordingFormatException(String.format(Locale.ROOT,
                        "%s: byte offset %d: chunk declares %d bytes, fewer than its %d-byte tag", file, at, length,
                        Xdf.TAG_BYTES));
            }
            int tag = in.u16();
            long end = tagAt + length;
            if (chunks == 0 && tag != Xdf.TAG_FILE_HEADER) {
                throw new RecordingFormatException(String.format(Locale.ROOT,
                        "%s: byte offset %d: the first chunk is a %s chunk (tag %d); an XDF file starts with its FileHeader (tag 1)",
                        file, at, Xdf.tagName(tag), tag));
            }
            readChunk(at, tag, length, end);
            in.seek(end);
            chunks++;
        }
        if (chunks == 0) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: the file (%d bytes) ends before its FileHeader chunk is complete", file,
                    Math.min(size, Xdf.MAGIC.length), size));
        }
        unknownTags.forEach((tag, seen) -> warnings.add(String.format(Locale.ROOT,
                "skipped %d chunk(s) with unknown tag %d (the first at byte offset %d)", seen[0], tag, seen[1])));
    }

    private void cut(long at, int tag, long declared, long present) {
        String chunk = tag < 0 ? "chunk (tag not present)" : String.format(Locale.ROOT, "%s chunk (tag %d)", Xdf.tagName(tag), tag);
        String length = declared < 0 ? "length field incomplete" : "declares " + (declared == Long.MAX_VALUE ? "more than 2^63" : Long.toString(declared)) + " bytes after its length field";
        warnings.add(String.format(Locale.ROOT,
                "file truncated: it ends inside the %s at byte offset %d (%s, %d present); the %d complete chunks before it were read, the cut chunk was ignored",
                chunk, at, length, present, chunks));
    }

    private void readChunk(long at, int tag, long length, long end) throws IOException {
        if (!Xdf.hasStreamId(tag)) {
            switch (tag) {
                case Xdf.TAG_FILE_HEADER -> fileHeader(at, end);
                case Xdf.TAG_BOUNDARY -> boundary(at, length);
                default -> unknownTags.computeIfAbsent(tag, t -> new long[] {0, at})[0]++;
            }
            return;
        }
        if (length < Xdf.TAG_BYTES + Xdf.STREAM_ID_BYTES) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: %s chunk (tag %d) declares %d bytes, fewer than its tag and stream id (%d)", file,
                    at, Xdf.tagName(tag), tag, length, Xdf.TAG_BYTES + Xdf.STREAM_ID_BYTES));
        }
        int id = in.i32();
        if (tag == Xdf.TAG_STREAM_HEADER) {
            streamHeader(at, id, end);
            return;
        }
        XdfStreamState stream = streams.get(id);
        if (stream == null) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: %s chunk for stream %s, which has no StreamHeader before it (streams so far: %s)",
                    file, at, Xdf.tagName(tag), Xdf.streamIdText(id),
                    streams.values().stream().map(s -> s.idText).toList()));
        }
        switch (tag) {
            case Xdf.TAG_SAMPLES -> samples(at, stream, end);
            case Xdf.TAG_CLOCK_OFFSET -> clockOffset(at, stream, length);
            default -> streamFooter(at, stream, end);
        }
    }

    private void fileHeader(long at, long end) throws IOException {
        if (chunks != 0) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: a second FileHeader chunk (chunk %d); XDF has exactly one, first", file, at,
                    chunks + 1));
        }
        xml(end, "FileHeader", false);
    }

    private void boundary(long at, long length) throws IOException {
        if (length != Xdf.TAG_BYTES + Xdf.BOUNDARY_SIGNATURE.length) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: Boundary chunk declares %d bytes; it has %d (tag and 16-byte signature)", file, at,
                    length, Xdf.TAG_BYTES + Xdf.BOUNDARY_SIGNATURE.length));
        }
        byte[] signature = in.bytes(Xdf.BOUNDARY_SIGNATURE.length);
        if (!Arrays.equals(signature, Xdf.BOUNDARY_SIGNATURE)) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: Boundary chunk has signature %s, not %s", file, at, Arrays.toString(signature),
                    Arrays.toString(Xdf.BOUNDARY_SIGNATURE)));
        }
    }

    private void streamHeader(long at, int id, long end) throws IOException {
        String idText = Xdf.streamIdText(id);
        if (streams.containsKey(id)) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: a second StreamHeader for stream %s", file, at, idText));
        }
        long xmlAt = in.position();
        Element info = xml(end, "StreamHeader of stream " + idText, true);
        streams.put(id, new XdfStreamState(id, info, file, xmlAt, warnings));
    }

    private void streamFooter(long at, XdfStreamState stream, long end) throws IOException {
        if (stream.footerSeen) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: a second StreamFooter for stream %s", file, at, stream.idText));
        }
        stream.footerSeen = true;
        Element info = xml(end, "StreamFooter of stream " + stream.idText, true);
        String count = XdfXml.text(info, "sample_count");
        if (count != null) {
            double value;
            try {
                value = Double.parseDouble(count);
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (value >= 0 && value <= XdfChunkIndex.MAX_ARRAY) {
                stream.footerSampleCount = (long) value;
            } else {
                warnings.add(String.format(Locale.ROOT,
                        "stream %s: the StreamFooter at byte offset %d has sample_count '%s', not a count; ignored",
                        stream.idText, at, count));
            }
        }
    }

    private void clockOffset(long at, XdfStreamState stream, long length) throws IOException {
        long expected = Xdf.TAG_BYTES + Xdf.STREAM_ID_BYTES + Xdf.CLOCK_OFFSET_BYTES;
        if (length != expected) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: ClockOffset chunk of stream %s declares %d bytes; it has %d (tag, id, two doubles)",
                    file, at, stream.idText, length, expected));
        }
        double time = in.f64();
        double value = in.f64();
        if (!Double.isFinite(time) || !Double.isFinite(value)) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: ClockOffset chunk of stream %s has collection time %s and offset %s; both must be finite",
                    file, at, stream.idText, time, value));
        }
        if (stream.clockTimes.size() >= XdfChunkIndex.MAX_ARRAY) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: stream %s has more than %d ClockOffset chunks", file, at, stream.idText,
                    XdfChunkIndex.MAX_ARRAY));
        }
        stream.clockTimes.add(time);
        stream.clockValues.add(value);
    }

    private void samples(long at, XdfStreamState stream, long end) throws IOException {
        long count = in.varLength("the sample count of the Samples chunk at byte offset " + at, end);
        long dataAt = in.position();
        long available = end - dataAt;
        long minBytes = stream.minSampleBytes();
        if (count > available / minBytes) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: Samples chunk of stream %s declares %s samples, but its %d bytes of samples hold at most %d (%d channels of %s need at least %d bytes each)",
                    file, at, stream.idText, count == Long.MAX_VALUE ? "more than 2^63" : Long.toString(count), available,
                    available / minBytes, stream.channelCount, stream.format.xmlName(), minBytes));
        }
        if (count > XdfChunkIndex.MAX_ARRAY - stream.sampleCount()) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: stream %s would exceed %d samples with this chunk's %d; not supported", file, at,
                    stream.idText, XdfChunkIndex.MAX_ARRAY, count));
        }
        boolean text = stream.format == XdfChannelFormat.STRING;
        long valueBytes = text ? 0 : stream.valueBytes();
        for (long k = 0; k < count; k++) {
            long sampleAt = in.position();
            need(sampleAt, end, 1, stream, k);
            int stampBytes = in.u8();
            double stamp;
            if (stampBytes == Xdf.EXPLICIT_TIMESTAMP) {
                need(sampleAt, end, 1 + 8, stream, k);
                stamp = in.f64();
                if (!Double.isFinite(stamp)) {
                    throw new RecordingFormatException(String.format(Locale.ROOT,
                            "%s: byte offset %d: sample %d of the Samples chunk at byte offset %d (stream %s) has time stamp %s",
                            file, sampleAt, k, at, stream.idText, stamp));
                }
            } else if (stampBytes == Xdf.NO_TIMESTAMP) {
                stamp = stream.lastTimestamp + stream.deducedInterval;
            } else {
                throw new RecordingFormatException(String.format(Locale.ROOT,
                        "%s: byte offset %d: sample %d of the Samples chunk at byte offset %d (stream %s) has time stamp size %d; XDF allows 0 or 8",
                        file, sampleAt, k, at, stream.idText, stampBytes));
            }
            stream.lastTimestamp = stamp;
            stream.stamps.add(stamp);
            if (text) {
                stream.labels.add(strings(at, stream, end, k));
            } else {
                need(sampleAt, end, in.position() - sampleAt + valueBytes, stream, k);
                in.skip(valueBytes);
            }
        }
        if (in.position() != end) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: Samples chunk of stream %s ends at byte offset %d but its %d samples end at %d",
                    file, at, stream.idText, end, count, in.position()));
        }
        if (count > 0) {
            stream.chunks.add(dataAt, end, (int) count);
        }
    }

    private String strings(long at, XdfStreamState stream, long end, long k) throws IOException {
        StringBuilder label = new StringBuilder();
        for (int c = 0; c < stream.channelCount; c++) {
            long lengthAt = in.position();
            long length = in.varLength("the string length of sample " + k + " channel " + c + " of the Samples chunk at byte offset " + at, end);
            long left = end - in.position();
            if (length > left || length > MAX_STRING_BYTES) {
                throw new RecordingFormatException(String.format(Locale.ROOT,
                        "%s: byte offset %d: sample %d channel %d of stream %s declares a string of %s bytes; its chunk has %d bytes left (limit %d)",
                        file, lengthAt, k, c, stream.idText, length == Long.MAX_VALUE ? "more than 2^63" : Long.toString(length),
                        left, MAX_STRING_BYTES));
            }
            if (c > 0) {
                label.append(CHANNEL_SEPARATOR);
            }
            label.append(new String(in.bytes((int) length), StandardCharsets.UTF_8));
        }
        return label.toString();
    }

    private void need(long sampleAt, long end, long bytes, XdfStreamState stream, long k) throws RecordingFormatException {
        if (sampleAt + bytes > end) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: sample %d of stream %s needs %d bytes but its Samples chunk ends at byte offset %d",
                    file, sampleAt, k, stream.idText, bytes, end));
        }
    }

    /** Parses the XML from here to {@code end}; {@code info} requires the root to be {@code <info>}. */
    private Element xml(long end, String what, boolean info) throws IOException {
        long at = in.position();
        long length = end - at;
        if (length > MAX_XML_BYTES) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: the %s XML has %d bytes; more than the %d accepted", file, at, what, length,
                    MAX_XML_BYTES));
        }
        return xml.parse(in.bytes((int) length), file, what, at, info);
    }
}
