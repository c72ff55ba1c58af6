package org.bcistream.streaming.recording.edf;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
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

/**
 * An EDF, EDF+C/D, BDF or BDF+C/D file opened for reading.
 *
 * <p>{@link #open(Path)} reads and validates the header, then scans the data records once for what the
 * recording's metadata needs: the annotation signals' TALs (markers, and the record start times of +D
 * files) and the BDF Status channel (trigger markers). Samples are read later, record by record, by the
 * cursors of {@link #open(RecordedStream)}; the file is never held in memory.
 *
 * <p>Streams: the ordinary signals grouped by sampling rate ({@code samples per record / record duration}),
 * one stream per distinct rate with id {@code signals@<rate>Hz} (e.g. {@code signals@160Hz}), in order of
 * each rate's first signal, channels in header order, type {@code EEG}, name the header's recording field.
 * Annotation signals and the BDF Status channel are not streams but the sources of the markers, whose
 * stream id is the label of the signal they come from ({@code EDF Annotations}, {@code Status}).
 *
 * <p>Time: seconds from the file's start date and time; sample {@code k} of record {@code r} is at
 * {@code start(r) + k / rate}, where {@code start(r)} is the onset of the record's time-keeping TAL in +D
 * files and {@code r x record duration} otherwise.
 *
 * <p>The recording keeps the file open until {@link #close()}; its cursors share it (positional reads, so
 * cursors of different streams may be used from different threads) and fail once it is closed.
 */
public final class EdfRecording implements Recording {
    /** Stream type of every signal stream. */
    public static final String STREAM_TYPE = "EEG";

    /** Tolerance of the +D check that a record does not start before the previous one ends, seconds. */
    private static final double ORDER_TOLERANCE_SECONDS = 1e-6;

    private final Path path;
    private final EdfHeader header;
    private final DataLayout layout;
    private final FileChannel channel;
    private final List<RecordedStream> streams;
    private final Map<String, List<EdfSignal>> streamSignals;
    private final List<RecordedMarker> markers;
    private final List<String> warnings;

    private EdfRecording(Path path, EdfHeader header, DataLayout layout, FileChannel channel,
            Map<String, List<EdfSignal>> streamSignals, List<RecordedStream> streams, List<RecordedMarker> markers,
            List<String> warnings) {
        this.path = path;
        this.header = header;
        this.layout = layout;
        this.channel = channel;
        this.streamSignals = streamSignals;
        this.streams = List.copyOf(streams);
        this.markers = List.copyOf(markers);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Opens an EDF/BDF file.
     *
     * <p>A file that ends inside its data records opens with its complete records; the partial last record
     * is ignored and {@link #warnings()} says how many records and bytes are missing. A header record count
     * of -1 (unknown) is taken from the file size, with a warning.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws RecordingFormatException if the header or a TAL is malformed, or the records of a +D file go
     *     back in time; the message names the file, the byte offset and the numbers
     * @throws IOException if reading fails
     */
    public static EdfRecording open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return read(path, channel);
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static EdfRecording read(Path path, FileChannel channel) throws IOException {
        List<String> warnings = new ArrayList<>();
        long fileSize = channel.size();
        EdfHeader header = EdfHeaderReader.read(channel, path, fileSize, warnings);
        List<EdfSignal> signals = header.signals();
        int recordBytes = (int) header.recordBytes();
        long records = completeRecords(header, fileSize, path, warnings);

        int[] offsets = new int[signals.size()];
        int annotationCount = 0;
        EdfSignal status = null;
        int at = 0;
        for (EdfSignal s : signals) {
            offsets[s.index()] = at;
            at += s.samplesPerRecord() * header.bytesPerSample();
            if (s.isAnnotation()) {
                annotationCount++;
            } else if (header.bdf() && status == null && s.label().equalsIgnoreCase(EdfSignal.STATUS)) {
                status = s;
            }
        }
        boolean discontinuous = header.isDiscontinuous();
        if (discontinuous && annotationCount == 0) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: header byte 192 (reserved): %s, but none of the %d signals is an annotation signal to keep its time",
                    path, header.reserved(), signals.size()));
        }
        if (discontinuous && records > Integer.MAX_VALUE - 8) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: %d data records in a discontinuous file; at most %d are supported", path, records, Integer.MAX_VALUE - 8));
        }
        DataLayout layout = new DataLayout(path, header.headerBytes(), recordBytes, records, offsets, header.bytesPerSample(),
                header.recordDurationSeconds(), discontinuous ? new double[(int) records] : null);

        List<RecordedMarker> markers = new ArrayList<>();
        if (records > 0 && (annotationCount > 0 || status != null)) {
            scanRecords(channel, header, layout, status, markers);
        }
        markers.sort(Comparator.comparingDouble(RecordedMarker::time));

        Map<Integer, List<EdfSignal>> byRate = new LinkedHashMap<>();
        for (EdfSignal s : signals) {
            if (!s.isAnnotation() && s != status) {
                byRate.computeIfAbsent(s.samplesPerRecord(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, List<EdfSignal>> streamSignals = new LinkedHashMap<>();
        List<RecordedStream> streams = new ArrayList<>();
        for (List<EdfSignal> group : byRate.values()) {
            int spr = group.get(0).samplesPerRecord();
            double rate = spr / header.recordDurationSeconds();
            String id = "signals@" + BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString() + "Hz";
            long samples = records * spr;
            double first = records > 0 ? layout.sampleTime(0, 0, spr) : 0.0;
            double last = records > 0 ? layout.sampleTime(records - 1, spr - 1, spr) : 0.0;
            streams.add(new RecordedStream(id, header.recording(), STREAM_TYPE, group.size(), rate,
                    group.stream().map(EdfSignal::label).toList(), group.stream().map(EdfSignal::physicalDimension).toList(),
                    samples, first, last, ""));
            streamSignals.put(id, List.copyOf(group));
        }
        return new EdfRecording(path, header, layout, channel, streamSignals, streams, markers, warnings);
    }

    /** Complete data records in the file, warning about truncation, an unknown count or trailing bytes. */
    private static long completeRecords(EdfHeader header, long fileSize, Path path, List<String> warnings) {
        long recordBytes = header.recordBytes();
        long available = fileSize - header.headerBytes();
        long complete = available / recordBytes;
        long partial = available % recordBytes;
        long declared = header.recordCount();
        if (declared == -1) {
            warnings.add(String.format(Locale.ROOT,
                    "%s: header byte 236: number of data records is -1 (unknown); %d complete records of %d bytes taken from "
                            + "the file size%s", path, complete, recordBytes,
                    partial > 0 ? String.format(Locale.ROOT, ", a partial record of %d bytes ignored", partial) : ""));
            return complete;
        }
        if (complete < declared) {
            warnings.add(String.format(Locale.ROOT,
                    "%s: truncated: the header declares %d data records of %d bytes, but %d bytes follow the %d-byte header; "
                            + "read %d complete records, ignored a partial record of %d bytes; %d records (%d bytes) missing",
                    path, declared, recordBytes, available, header.headerBytes(), complete, partial, declared - complete,
                    declared * recordBytes - available));
            return complete;
        }
        long extra = available - declared * recordBytes;
        if (extra > 0) {
            warnings.add(String.format(Locale.ROOT, "%s: %d bytes after the last of the %d data records (byte %d on) ignored",
                    path, extra, declared, header.headerBytes() + declared * recordBytes));
        }
        return declared;
    }

    /**
     * Reads every record's annotation blocks and Status block: annotation markers, +D record starts (into
     * {@code layout.recordStarts()}) and trigger markers.
     */
    private static void scanRecords(FileChannel channel, EdfHeader header, DataLayout layout, EdfSignal status,
            List<RecordedMarker> markers) throws IOException {
        Path path = layout.path();
        List<EdfSignal> annotations = header.signals().stream().filter(EdfSignal::isAnnotation).toList();
        int bps = header.bytesPerSample();
        int largest = 0;
        for (EdfSignal s : header.signals()) {
            if (s.isAnnotation() || s == status) {
                largest = Math.max(largest, s.samplesPerRecord() * bps);
            }
        }
        byte[] block = new byte[largest];
        ByteBuffer buffer = ByteBuffer.wrap(block);
        StatusTriggers triggers = status == null ? null
                : new StatusTriggers(status.label(), status.samplesPerRecord() / header.recordDurationSeconds(), markers::add);
        double[] starts = layout.recordStarts();
        for (long r = 0; r < layout.records(); r++) {
            for (int a = 0; a < annotations.size(); a++) {
                EdfSignal signal = annotations.get(a);
                int length = signal.samplesPerRecord() * bps;
                long offset = layout.recordOffset(r) + layout.signalOffsets()[signal.index()];
                buffer.clear().limit(length);
                EdfHeaderReader.readFully(channel, path, offset, buffer);
                List<TalParser.Tal> tals = TalParser.parse(block, length, path, offset);
                if (a == 0 && starts != null) {
                    starts[(int) r] = recordStart(tals, r, offset, layout);
                }
                for (TalParser.Tal tal : tals) {
                    for (String text : tal.texts()) {
                        if (!text.isEmpty()) {
                            markers.add(new RecordedMarker(tal.onset(), tal.duration(), text, RecordedMarker.Kind.ANNOTATION,
                                    signal.label()));
                        }
                    }
                }
            }
            if (triggers != null) {
                int spr = status.samplesPerRecord();
                long offset = layout.recordOffset(r) + layout.signalOffsets()[status.index()];
                buffer.clear().limit(spr * 3);
                EdfHeaderReader.readFully(channel, path, offset, buffer);
                for (int k = 0; k < spr; k++) {
                    triggers.accept(Samples.int24(block, 3 * k), layout.sampleTime(r, k, spr));
                }
            }
        }
        if (triggers != null) {
            triggers.finish();
        }
    }

    /** The start of record {@code r} of a +D file from its time-keeping TAL, checked against the previous record. */
    private static double recordStart(List<TalParser.Tal> tals, long r, long blockOffset, DataLayout layout)
            throws RecordingFormatException {
        if (tals.isEmpty()) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: record %d: no time-keeping TAL in its annotation block at byte %d (required in EDF+D/BDF+D)",
                    layout.path(), r, blockOffset));
        }
        double start = tals.get(0).onset();
        if (r > 0) {
            double previous = layout.recordStarts()[(int) (r - 1)];
            double previousEnd = previous + layout.recordDuration();
            if (start < previousEnd - ORDER_TOLERANCE_SECONDS) {
                throw new RecordingFormatException(String.format(Locale.ROOT,
                        "%s: record %d: time-keeping TAL at byte %d says it starts at %s s, before record %d ends at %s s "
                                + "(start %s s + %s s); records must not go back in time or overlap",
                        layout.path(), r, blockOffset, start, r - 1, previousEnd, previous, layout.recordDuration()));
            }
        }
        return start;
    }

    @Override
    public String format() {
        return header.format();
    }

    @Override
    public Path path() {
        return path;
    }

    /** The header as read, every signal included. */
    public EdfHeader header() {
        return header;
    }

    /** Complete data records read (the header's count unless the file is truncated or the count was -1). */
    public long recordCount() {
        return layout.records();
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

    /**
     * A cursor over one of this recording's streams, reading one data record at a time from the file.
     *
     * @throws IllegalArgumentException if {@code stream} is not one of {@link #streams()}
     * @throws IllegalStateException if the recording is closed
     */
    @Override
    public SampleCursor open(RecordedStream stream) throws IOException {
        List<EdfSignal> group = streamSignals.get(stream.id());
        if (group == null || !streams.contains(stream)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has no stream %s; its streams are %s", path,
                    stream.id(), streamSignals.keySet()));
        }
        if (!channel.isOpen()) {
            throw new IllegalStateException(path + " is closed");
        }
        return new EdfSampleCursor(channel, layout, group);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
