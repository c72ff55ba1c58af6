package org.bcistream.streaming.recording.xdf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;
import org.bcistream.streaming.recording.xdf.XdfStreamDetails.Segment;

/**
 * An XDF recording (Lab Streaming Layer, LabRecorder) opened for reading. {@link #open(Path)} makes one pass
 * over the file: it reads the headers, footers and clock offsets, every sample's time stamp and the text of
 * string samples, and indexes the Samples chunks of the numeric streams without keeping their values;
 * {@link #open(RecordedStream)} then reads those values from the file on demand.
 *
 * <p><b>Streams.</b> Numeric streams (int8 to int64, float32, double64) are {@link #streams()}, in
 * StreamHeader order, with id = the XDF stream id in unsigned decimal. String streams become
 * {@link #markers()}: one {@link RecordedMarker.Kind#ANNOTATION} per sample, its label the sample's text
 * (channels of a multi-channel string sample joined by {@link #MARKER_CHANNEL_SEPARATOR}), on the same
 * synchronised clock as the numeric streams. {@link #details(String)} gives each stream's clock segments,
 * dejitter segments and effective rate.
 *
 * <p><b>Time stamps</b> are those of the file (a deduced one is the previous one plus 1 / nominal rate),
 * then, as pyxdf's {@code load_xdf} does with its defaults (see {@link XdfOptions}): a corrupted last clock
 * offset with surplus samples is dropped, clocks are synchronised per clock segment with a robust linear
 * fit of the ClockOffsets, and regular streams are dejittered. Empty streams have first and last time 0.
 *
 * <p><b>Bad files.</b> A chunk whose length, tag, stream id, sample count, time-stamp size, string length or
 * XML breaks the format fails with a {@link RecordingFormatException} naming the file, the byte offset and
 * the numbers; nothing is allocated from a length before it has been checked against the file and its chunk.
 * <b>Truncation rule:</b> a file that ends inside a chunk (its length field, or the bytes its length
 * declares) opens with every chunk before that one, and a line in {@link #warnings()} names the offset,
 * the cut chunk's type and its declared and present bytes; the cut chunk is ignored whole. A chunk length
 * that runs past the end of the file is indistinguishable from such a cut and is handled the same way.
 * Unknown chunk tags are skipped by their length, with a warning (as pyxdf does).
 *
 * <p>Immutable after opening and safe to share; each cursor opens its own file channel.
 */
public final class XdfRecording implements Recording {
    /** Joins the channels of a multi-channel string sample into one marker label: a tab. */
    public static final String MARKER_CHANNEL_SEPARATOR = XdfIndexer.CHANNEL_SEPARATOR;

    private final Path path;
    private final long size;
    private final XdfOptions options;
    private final List<RecordedStream> streams;
    private final List<RecordedMarker> markers;
    private final List<String> warnings;
    private final Map<String, XdfStreamDetails> details;
    private final Map<String, Numeric> numeric;
    private volatile boolean closed;

    /** A numeric stream's index and synchronised time stamps, for its cursors. */
    private record Numeric(RecordedStream stream, XdfChannelFormat format, XdfChunkIndex chunks, double[] stamps) {}

    private XdfRecording(Path path, long size, XdfOptions options, List<XdfStreamState> states, List<String> indexWarnings)
            throws RecordingFormatException {
        this.path = path;
        this.size = size;
        this.options = options;
        List<String> warningLines = new ArrayList<>(indexWarnings);
        List<RecordedStream> numericStreams = new ArrayList<>();
        List<RecordedMarker> markerList = new ArrayList<>();
        Map<String, XdfStreamDetails> detailMap = new LinkedHashMap<>();
        Map<String, Numeric> numericMap = new LinkedHashMap<>();
        for (XdfStreamState s : states) {
            double[] stamps = s.stamps.toArray();
            double[] clockTimes = s.clockTimes.toArray();
            double[] clockValues = s.clockValues.toArray();
            int n = stamps.length;
            int offsets = clockTimes.length;
            if (options.synchronizeClocks() && s.footerSampleCount >= 0 && n > s.footerSampleCount
                    && XdfTimestamps.lastOffsetCorrupted(clockTimes, clockValues, offsets)) {
                warningLines.add(String.format(Locale.ROOT,
                        "stream %s: %d samples where the footer counts %d, and the last of %d ClockOffsets (time %s, offset %s) is anomalous (pylsl#67, liblsl#246): dropped that offset and the %d surplus samples",
                        s.idText, n, s.footerSampleCount, offsets, clockTimes[offsets - 1], clockValues[offsets - 1],
                        n - s.footerSampleCount));
                offsets--;
                n = (int) s.footerSampleCount;
            }
            List<Segment> clockSegments = options.synchronizeClocks()
                    ? XdfTimestamps.synchronize(stamps, n, clockTimes, clockValues, offsets, options, s.idText, warningLines::add)
                    : List.of();
            XdfTimestamps.Dejittered dejittered = XdfTimestamps.dejitter(stamps, n, s.nominalRate, s.canDropSamples,
                    options.dejitter(), options, s.idText, warningLines::add);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(stamps[i])) {
                    throw new RecordingFormatException(String.format(Locale.ROOT,
                            "%s: stream %s: sample %d has time stamp %s after clock synchronisation and dejittering (raw %s; %d ClockOffsets)",
                            path, s.idText, i, stamps[i], s.stamps.get(i), offsets));
                }
            }
            detailMap.put(s.idText, new XdfStreamDetails(s.idText, s.name, s.type, s.sourceId, s.deviceModel, s.format, s.channelCount, s.nominalRate, n,
                    offsets, clockSegments, dejittered.segments(), dejittered.effectiveRate()));
            if (s.format == XdfChannelFormat.STRING) {
                for (int i = 0; i < n; i++) {
                    markerList.add(new RecordedMarker(stamps[i], 0, s.labels.get(i), RecordedMarker.Kind.ANNOTATION, s.idText));
                }
            } else {
                RecordedStream stream = new RecordedStream(s.idText, s.name, s.type, s.channelCount, s.nominalRate,
                        s.channelLabels, s.channelUnits, n, n > 0 ? stamps[0] : 0, n > 0 ? stamps[n - 1] : 0, s.sourceId);
                numericStreams.add(stream);
                numericMap.put(s.idText, new Numeric(stream, s.format, s.chunks, stamps));
            }
        }
        markerList.sort(Comparator.comparingDouble(RecordedMarker::time));
        this.streams = List.copyOf(numericStreams);
        this.markers = List.copyOf(markerList);
        this.warnings = List.copyOf(warningLines);
        this.details = detailMap;
        this.numeric = numericMap;
    }

    /** Opens {@code path} with pyxdf's defaults ({@link XdfOptions#DEFAULTS}). */
    public static XdfRecording open(Path path) throws IOException {
        return open(path, XdfOptions.DEFAULTS);
    }

    /**
     * Opens {@code path}: one pass over the file, see the class description.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws RecordingFormatException if the file breaks the XDF format (the message names the byte offset)
     * @throws IOException if reading fails
     */
    public static XdfRecording open(Path path, XdfOptions options) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            XdfIndexer indexer = new XdfIndexer(new XdfInput(channel, path.toString(), size));
            indexer.index();
            return new XdfRecording(path, size, options, indexer.streams(), indexer.warnings());
        }
    }

    @Override
    public String format() {
        return "XDF";
    }

    @Override
    public Path path() {
        return path;
    }

    /** The options the time stamps were processed with. */
    public XdfOptions options() {
        return options;
    }

    @Override
    public List<RecordedStream> streams() {
        return streams;
    }

    @Override
    public List<RecordedMarker> markers() {
        return markers;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    /** XDF details of every stream, numeric and string, in StreamHeader order. */
    public List<XdfStreamDetails> details() {
        return List.copyOf(details.values());
    }

    /**
     * XDF details of one stream (numeric or string).
     *
     * @param streamId the XDF stream id in unsigned decimal, as in {@link RecordedStream#id()}
     * @throws IllegalArgumentException if the file has no such stream, naming the ids it has
     */
    public XdfStreamDetails details(String streamId) {
        XdfStreamDetails d = details.get(streamId);
        if (d == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has no stream %s; its streams are %s", path,
                    streamId, details.keySet()));
        }
        return d;
    }

    @Override
    public String deviceModelOf(String streamId) {
        XdfStreamDetails d = details.get(streamId);
        return d == null ? "" : d.deviceModel();
    }

    @Override
    public String sourceIdOf(String streamId) {
        XdfStreamDetails d = details.get(streamId);
        return d == null ? "" : d.sourceId();
    }

    /**
     * A cursor over a numeric stream's samples, reading them from the file chunk by chunk.
     *
     * @throws IllegalArgumentException if {@code stream} is not one of {@link #streams()}
     * @throws IOException if the recording is closed or the file cannot be opened
     */
    @Override
    public SampleCursor open(RecordedStream stream) throws IOException {
        if (closed) {
            throw new IOException(path + " is closed");
        }
        Numeric n = numeric.get(stream.id());
        if (n == null || !n.stream().equals(stream)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "stream %s (%s) is not a numeric stream of %s; its numeric streams are %s", stream.id(), stream.name(), path,
                    numeric.keySet()));
        }
        return new XdfSampleCursor(path, size, stream.id(), n.format(), stream.channelCount(), n.chunks(), n.stamps(),
                (int) stream.sampleCount());
    }

    /** Marks the recording closed; it holds no open file (cursors close their own). */
    @Override
    public void close() {
        closed = true;
    }
}
