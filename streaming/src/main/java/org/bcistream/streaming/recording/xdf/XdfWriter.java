package org.bcistream.streaming.recording.xdf;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes an XDF 1.0 file as LabRecorder does, so that LabRecorder's readers (pyxdf, libxdf, MATLAB
 * {@code load_xdf}) and {@link XdfRecording} read it: the magic, a FileHeader, one StreamHeader per
 * {@link #addStream}, one Samples chunk per write call (every sample with an explicit time stamp), ClockOffset
 * chunks, a Boundary chunk whenever some stream's time stamps advanced {@code boundaryIntervalSeconds}
 * (default 10 s, LabRecorder's cadence) since the last one, and at {@link #close()} one StreamFooter per
 * stream with its first and last time stamp, sample count and clock offsets.
 *
 * <pre>{@code
 * try (XdfWriter writer = XdfWriter.create(path)) {
 *     int eeg = writer.addStream(XdfStreamDescription.of("Cyton", "EEG", 8, 250, XdfChannelFormat.FLOAT32));
 *     int cues = writer.addStream(XdfStreamDescription.of("Cues", "Markers", 1, 0, XdfChannelFormat.STRING));
 *     writer.writeSamples(eeg, timestamps, values, count);      // values sample-major, count * 8
 *     writer.writeStrings(cues, new double[] {t}, new String[] {"CUE:A"}, 1);
 *     writer.writeClockOffset(eeg, collectionTime, offset);
 * }
 * }</pre>
 *
 * <p>Stream ids count from 1, as LabRecorder's do. Time stamps must be finite. Not thread-safe.
 */
public final class XdfWriter implements Closeable, Flushable {
    /** LabRecorder's Boundary cadence, seconds. */
    public static final double DEFAULT_BOUNDARY_INTERVAL_SECONDS = 10;

    private static final int BUFFER_BYTES = 1 << 16;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT);

    private final FileChannel channel;
    private final Path path;
    private final double boundaryInterval;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final List<Stream> streams = new ArrayList<>();
    private boolean closed;

    /** What the footer of one stream needs, and its Boundary anchor. */
    private static final class Stream {
        final XdfStreamDescription description;
        long samples;
        double first;
        double last;
        final DoubleSeries offsetTimes = new DoubleSeries();
        final DoubleSeries offsetValues = new DoubleSeries();
        /** First time stamp written since the last Boundary, or NaN. */
        double anchor = Double.NaN;

        Stream(XdfStreamDescription description) {
            this.description = description;
        }
    }

    private XdfWriter(FileChannel channel, Path path, double boundaryInterval) {
        this.channel = channel;
        this.path = path;
        this.boundaryInterval = boundaryInterval;
    }

    /** Creates (or replaces) {@code path} with the system clock's date and Boundaries every 10 s. */
    public static XdfWriter create(Path path) throws IOException {
        return create(path, Clock.systemDefaultZone(), DEFAULT_BOUNDARY_INTERVAL_SECONDS);
    }

    /**
     * Creates (or replaces) {@code path} and writes the magic and the FileHeader.
     *
     * @param clock gives the FileHeader's {@code datetime}
     * @param boundaryIntervalSeconds a Boundary chunk follows a Samples chunk once its stream's time stamps
     *     advanced this far (or went backwards) since the last Boundary; {@code > 0}, infinite for none
     */
    public static XdfWriter create(Path path, Clock clock, double boundaryIntervalSeconds) throws IOException {
        if (!(boundaryIntervalSeconds > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "boundary interval %s s; it must be > 0",
                    boundaryIntervalSeconds));
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        XdfWriter writer = new XdfWriter(channel, path, boundaryIntervalSeconds);
        try {
            writer.ensure(Xdf.MAGIC.length);
            writer.buffer.put(Xdf.MAGIC);
            String xml = "<?xml version=\"1.0\"?><info><version>1.0</version><datetime>"
                    + ZonedDateTime.now(clock).format(DATETIME) + "</datetime></info>";
            writer.xmlChunk(Xdf.TAG_FILE_HEADER, null, xml);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return writer;
    }

    /**
     * Writes the StreamHeader of a new stream.
     *
     * @return the stream's id, from 1
     * @throws IllegalArgumentException if a text field holds a character XML 1.0 cannot carry
     */
    public int addStream(XdfStreamDescription d) throws IOException {
        requireOpen();
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\"?><info>");
        element(xml, "name", d.name());
        element(xml, "type", d.type());
        element(xml, "channel_count", Integer.toString(d.channelCount()));
        element(xml, "nominal_srate", plain(d.nominalRateHz()));
        element(xml, "channel_format", d.channelFormat().xmlName());
        element(xml, "source_id", d.sourceId());
        element(xml, "version", "1.1");
        element(xml, "created_at", plain(d.createdAt()));
        xml.append("<desc>");
        if (!d.channelLabels().isEmpty() || !d.channelUnits().isEmpty() || !d.channelTypes().isEmpty()) {
            xml.append("<channels>");
            for (int c = 0; c < d.channelCount(); c++) {
                xml.append("<channel>");
                if (!d.channelLabels().isEmpty()) {
                    element(xml, "label", d.channelLabels().get(c));
                }
                if (!d.channelUnits().isEmpty()) {
                    element(xml, "unit", d.channelUnits().get(c));
                }
                if (!d.channelTypes().isEmpty()) {
                    element(xml, "type", d.channelTypes().get(c));
                }
                xml.append("</channel>");
            }
            xml.append("</channels>");
        }
        if (!d.deviceModel().isEmpty()) {
            xml.append("<acquisition>");
            element(xml, "model", d.deviceModel());
            xml.append("</acquisition>");
        }
        xml.append("</desc></info>");
        int id = streams.size() + 1;
        xmlChunk(Xdf.TAG_STREAM_HEADER, id, xml.toString());
        streams.add(new Stream(d));
        return id;
    }

    /**
     * Writes {@code count} samples of a float32 or double64 stream as one Samples chunk.
     *
     * @param samples {@code count * channelCount} values, sample-major
     */
    public void writeSamples(int streamId, double[] timestamps, float[] samples, int count) throws IOException {
        Stream s = stream(streamId, "float", XdfChannelFormat.FLOAT32, XdfChannelFormat.DOUBLE64);
        int channels = checkArrays(s, timestamps, samples.length, count);
        if (count == 0) {
            return;
        }
        boolean single = s.description.channelFormat() == XdfChannelFormat.FLOAT32;
        samplesHeader(streamId, s, count);
        for (int k = 0; k < count; k++) {
            stamp(timestamps[k]);
            for (int c = 0; c < channels; c++) {
                ensure(8);
                if (single) {
                    buffer.putFloat(samples[k * channels + c]);
                } else {
                    buffer.putDouble(samples[k * channels + c]);
                }
            }
        }
        written(s, timestamps, count);
    }

    /**
     * Writes {@code count} samples of a double64 stream as one Samples chunk.
     *
     * @param samples {@code count * channelCount} values, sample-major
     */
    public void writeSamples(int streamId, double[] timestamps, double[] samples, int count) throws IOException {
        Stream s = stream(streamId, "double", XdfChannelFormat.DOUBLE64);
        int channels = checkArrays(s, timestamps, samples.length, count);
        if (count == 0) {
            return;
        }
        samplesHeader(streamId, s, count);
        for (int k = 0; k < count; k++) {
            stamp(timestamps[k]);
            for (int c = 0; c < channels; c++) {
                ensure(8);
                buffer.putDouble(samples[k * channels + c]);
            }
        }
        written(s, timestamps, count);
    }

    /**
     * Writes {@code count} samples of an int8, int16, int32 or int64 stream as one Samples chunk.
     *
     * @param samples {@code count * channelCount} values, sample-major, each within the stream's integer range
     * @throws IllegalArgumentException naming the first value out of range (nothing is written then)
     */
    public void writeIntegers(int streamId, double[] timestamps, long[] samples, int count) throws IOException {
        Stream s = stream(streamId, "integer", XdfChannelFormat.INT8, XdfChannelFormat.INT16, XdfChannelFormat.INT32,
                XdfChannelFormat.INT64);
        int channels = checkArrays(s, timestamps, samples.length, count);
        XdfChannelFormat format = s.description.channelFormat();
        int bits = format.bytesPerValue() * 8;
        long min = -(1L << (bits - 1));
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        for (int i = 0; i < count * channels; i++) {
            if (samples[i] < min || samples[i] > max) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "stream %d (%s): value %d of sample %d channel %d is outside the %s range %d..%d", streamId,
                        s.description.name(), samples[i], i / channels, i % channels, format.xmlName(), min, max));
            }
        }
        if (count == 0) {
            return;
        }
        samplesHeader(streamId, s, count);
        for (int k = 0; k < count; k++) {
            stamp(timestamps[k]);
            for (int c = 0; c < channels; c++) {
                long v = samples[k * channels + c];
                ensure(8);
                switch (format) {
                    case INT8 -> buffer.put((byte) v);
                    case INT16 -> buffer.putShort((short) v);
                    case INT32 -> buffer.putInt((int) v);
                    default -> buffer.putLong(v);
                }
            }
        }
        written(s, timestamps, count);
    }

    /**
     * Writes {@code count} samples of a string stream as one Samples chunk, each value as UTF-8.
     *
     * @param values {@code count * channelCount} strings, sample-major, none null
     */
    public void writeStrings(int streamId, double[] timestamps, String[] values, int count) throws IOException {
        Stream s = stream(streamId, "string", XdfChannelFormat.STRING);
        int channels = checkArrays(s, timestamps, values.length, count);
        if (count == 0) {
            return;
        }
        byte[][] encoded = new byte[count * channels][];
        long content = 0;
        for (int i = 0; i < encoded.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "stream %d: sample %d channel %d is null",
                        streamId, i / channels, i % channels));
            }
            encoded[i] = values[i].getBytes(StandardCharsets.UTF_8);
            content += 1 + varWidth(encoded[i].length) + encoded[i].length;
        }
        chunkHeader(Xdf.TAG_SAMPLES, Xdf.STREAM_ID_BYTES + 5 + count * 9L + content);
        ensure(9);
        buffer.putInt(streamId).put((byte) 4).putInt(count);
        for (int k = 0; k < count; k++) {
            stamp(timestamps[k]);
            for (int c = 0; c < channels; c++) {
                byte[] bytes = encoded[k * channels + c];
                varLength(bytes.length);
                bytes(bytes);
            }
        }
        written(s, timestamps, count);
    }

    /**
     * Writes a ClockOffset chunk: one measurement of the stream's clock against the recording machine's.
     *
     * @param collectionTime when it was measured, on the stream's clock (LabRecorder: local time minus offset)
     * @param offset recording-machine time minus stream time, seconds (LSL {@code time_correction})
     */
    public void writeClockOffset(int streamId, double collectionTime, double offset) throws IOException {
        Stream s = stream(streamId, "clock offset", XdfChannelFormat.values());
        if (!Double.isFinite(collectionTime) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "stream %d: clock offset at %s s of %s s; both must be finite", streamId, collectionTime, offset));
        }
        chunkHeader(Xdf.TAG_CLOCK_OFFSET, Xdf.STREAM_ID_BYTES + Xdf.CLOCK_OFFSET_BYTES);
        ensure(Xdf.STREAM_ID_BYTES + Xdf.CLOCK_OFFSET_BYTES);
        buffer.putInt(streamId).putDouble(collectionTime).putDouble(offset);
        s.offsetTimes.add(collectionTime);
        s.offsetValues.add(offset);
    }

    /** Writes every stream's StreamFooter and closes the file. Does nothing if already closed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int i = 0; i < streams.size(); i++) {
                Stream s = streams.get(i);
                StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\"?><info>");
                element(xml, "first_timestamp", significant16(s.samples > 0 ? s.first : 0));
                element(xml, "last_timestamp", significant16(s.samples > 0 ? s.last : 0));
                element(xml, "sample_count", Long.toString(s.samples));
                xml.append("<clock_offsets>");
                for (int k = 0; k < s.offsetTimes.size(); k++) {
                    xml.append("<offset>");
                    element(xml, "time", significant16(s.offsetTimes.get(k)));
                    element(xml, "value", significant16(s.offsetValues.get(k)));
                    xml.append("</offset>");
                }
                xml.append("</clock_offsets></info>");
                xmlChunk(Xdf.TAG_STREAM_FOOTER, i + 1, xml.toString());
            }
            drain();
        } finally {
            channel.close();
        }
    }

    private Stream stream(int streamId, String what, XdfChannelFormat... formats) {
        requireOpen();
        if (streamId < 1 || streamId > streams.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: no stream %d; streams are 1..%d", path,
                    streamId, streams.size()));
        }
        Stream s = streams.get(streamId - 1);
        for (XdfChannelFormat f : formats) {
            if (f == s.description.channelFormat()) {
                return s;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "stream %d (%s) is %s; %s values cannot be written to it",
                streamId, s.description.name(), s.description.channelFormat().xmlName(), what));
    }

    private static int checkArrays(Stream s, double[] timestamps, int values, int count) {
        int channels = s.description.channelCount();
        if (count < 0 || timestamps.length < count || values < (long) count * channels) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "stream '%s': cannot write %d samples of %d channels from %d time stamps and %d values",
                    s.description.name(), count, channels, timestamps.length, values));
        }
        for (int k = 0; k < count; k++) {
            if (!Double.isFinite(timestamps[k])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "stream '%s': time stamp %d is %s",
                        s.description.name(), k, timestamps[k]));
            }
        }
        return channels;
    }

    private void samplesHeader(int streamId, Stream s, int count) throws IOException {
        long perSample = 1 + 8 + (long) s.description.channelCount() * s.description.channelFormat().bytesPerValue();
        chunkHeader(Xdf.TAG_SAMPLES, Xdf.STREAM_ID_BYTES + 5 + count * perSample);
        ensure(9);
        buffer.putInt(streamId).put((byte) 4).putInt(count);
    }

    private void stamp(double t) throws IOException {
        ensure(9);
        buffer.put((byte) Xdf.EXPLICIT_TIMESTAMP).putDouble(t);
    }

    private void written(Stream s, double[] timestamps, int count) throws IOException {
        if (s.samples == 0) {
            s.first = timestamps[0];
        }
        s.last = timestamps[count - 1];
        s.samples += count;
        if (Double.isNaN(s.anchor)) {
            s.anchor = timestamps[0];
        }
        if (s.last - s.anchor >= boundaryInterval || s.last < s.anchor) {
            chunkHeader(Xdf.TAG_BOUNDARY, Xdf.BOUNDARY_SIGNATURE.length);
            bytes(Xdf.BOUNDARY_SIGNATURE);
            for (Stream other : streams) {
                other.anchor = Double.NaN;
            }
        }
    }

    private void xmlChunk(int tag, Integer streamId, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        chunkHeader(tag, (streamId == null ? 0 : Xdf.STREAM_ID_BYTES) + (long) bytes.length);
        if (streamId != null) {
            ensure(4);
            buffer.putInt(streamId);
        }
        bytes(bytes);
    }

    /** Writes a chunk's length (tag plus {@code content} bytes) and tag. */
    private void chunkHeader(int tag, long content) throws IOException {
        varLength(Xdf.TAG_BYTES + content);
        ensure(2);
        buffer.putShort((short) tag);
    }

    /** Writes an XDF variable-length integer in the width LabRecorder picks: 1, 4 or 8 bytes. */
    private void varLength(long value) throws IOException {
        ensure(9);
        int width = varWidth(value);
        buffer.put((byte) width);
        switch (width) {
            case 1 -> buffer.put((byte) value);
            case 4 -> buffer.putInt((int) value);
            default -> buffer.putLong(value);
        }
    }

    private static int varWidth(long value) {
        return value < 256 ? 1 : value <= 0xFFFF_FFFFL ? 4 : 8;
    }

    private void bytes(byte[] bytes) throws IOException {
        int done = 0;
        while (done < bytes.length) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(buffer.remaining(), bytes.length - done);
            buffer.put(bytes, done, n);
            done += n;
        }
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain();
        }
    }

    /** Writes the buffered chunks to the file, so a reader sees every chunk written so far. */
    @Override
    public void flush() throws IOException {
        requireOpen();
        drain();
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(path + ": the writer is closed");
        }
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean allowed = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch <= 0xFFFD);
            if (Character.isSurrogate(ch)) {
                allowed = Character.isHighSurrogate(ch) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            }
            if (!allowed) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "<%s> text '%s' holds character U+%04X at index %d, which XML 1.0 cannot carry", name, text, (int) ch, i));
            }
            switch (ch) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                default -> xml.append(ch);
            }
        }
        xml.append("</").append(name).append('>');
    }

    /** The shortest decimal that reads back as {@code v}, without exponent (e.g. {@code 250}, {@code 0.5}). */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** {@code v} with 16 significant digits in C++ {@code %g} style, as LabRecorder prints footer numbers. */
    static String significant16(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(16, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            return String.format(Locale.ROOT, "%se%s%02d", mantissa.toPlainString(), exponent < 0 ? "-" : "+", Math.abs(exponent));
        }
        return rounded.toPlainString();
    }
}
