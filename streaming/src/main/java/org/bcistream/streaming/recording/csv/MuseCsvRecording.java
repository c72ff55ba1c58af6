package org.bcistream.streaming.recording.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;

/**
 * A muse-lsl CSV recording ({@code muse-lsl record}, eeg-notebooks): header
 * {@code timestamps,TP9,AF7,AF8,TP10,Right AUX} followed by zero or more marker columns named {@code Marker}
 * or {@code Marker<digits>} ({@code Marker0}, ...), then one line per sample.
 *
 * <p>Stream: one, id and name {@value #STREAM_ID}, type {@value #STREAM_TYPE}, the five channels of
 * {@link #CHANNELS} in microvolts. The file does not state its rate: the nominal {@value #NOMINAL_RATE_HZ} Hz is
 * the muse-lsl convention for the Muse EEG stream; {@link #effectiveRateHz()} is what the time stamps say.
 *
 * <p>Time: the {@code timestamps} column as written, in seconds on whatever clock the file used (Unix time or
 * the LSL local clock). muse-lsl stamps blocks of 12 samples, so stamps jitter and may step back slightly; a
 * step back of at most {@value #MAX_BACKWARD_STEP_SECONDS} s is raised to the latest earlier stamp (so time never
 * decreases; counted in {@link #adjustedTimestampCount()} and reported in {@link #warnings()}), a larger one
 * fails the file.
 *
 * <p>Markers: every non-zero value of a marker column, kind {@link RecordedMarker.Kind#ANNOTATION}, label the
 * value ({@code 1}, {@code 2}), stream id the column's name, time that of its line.
 *
 * <p>{@link #open(Path)} reads the file once to validate it and count samples and markers; samples are parsed
 * again, line by line, by the cursors of {@link #open(RecordedStream)}. The recording holds no file open; each
 * cursor holds its own until closed. See the package documentation for the rules on malformed lines.
 */
public final class MuseCsvRecording implements Recording {
    /** The value of {@link #format()}. */
    public static final String FORMAT = "muse-lsl CSV";

    /** Id and name of the one stream (the name muse-lsl gives its LSL EEG stream). */
    public static final String STREAM_ID = "Muse";

    /** Type of the stream. */
    public static final String STREAM_TYPE = "EEG";

    /** The channel columns, in file order. */
    public static final List<String> CHANNELS = List.of("TP9", "AF7", "AF8", "TP10", "Right AUX");

    /** Unit of every channel. */
    public static final String UNIT = "microvolts";

    /** Nominal rate, hertz: muse-lsl's Muse EEG rate; the file itself does not state it. */
    public static final double NOMINAL_RATE_HZ = 256;

    /** Largest step back of a time stamp that is treated as jitter, seconds; a larger one fails the file. */
    public static final double MAX_BACKWARD_STEP_SECONDS = 0.1;

    private static final String TIME_COLUMN = "timestamps";
    private static final Pattern MARKER_COLUMN = Pattern.compile("Marker[0-9]*");
    private static final String EXPECTED_HEADER = TIME_COLUMN + "," + String.join(",", CHANNELS)
            + " followed by zero or more marker columns Marker or Marker<digits>";

    private final Path path;
    private final List<String> markerColumns;
    private final RecordedStream stream;
    private final List<RecordedMarker> markers;
    private final List<String> warnings;
    private final long adjustedTimestamps;
    private boolean closed;

    private MuseCsvRecording(Path path, List<String> markerColumns, RecordedStream stream, List<RecordedMarker> markers,
            List<String> warnings, long adjustedTimestamps) {
        this.path = path;
        this.markerColumns = List.copyOf(markerColumns);
        this.stream = stream;
        this.markers = Collections.unmodifiableList(markers);
        this.warnings = List.copyOf(warnings);
        this.adjustedTimestamps = adjustedTimestamps;
    }

    /**
     * Opens a muse-lsl CSV file: validates the header and every line, counts samples and collects markers.
     *
     * @throws RecordingFormatException if the file breaks the layout (the message names the file and line)
     * @throws IOException if reading fails
     */
    public static MuseCsvRecording open(Path path) throws IOException {
        try (TextLines lines = TextLines.open(path)) {
            List<String> markerColumns = readHeader(lines);
            Rows rows = new Rows(markerColumns);
            float[] values = new float[CHANNELS.size()];
            List<RecordedMarker> markers = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            long count = 0;
            double first = 0;
            double last = 0;
            long firstBlank = -1;
            while (lines.next()) {
                if (lines.length() == 0) {
                    firstBlank = firstBlank < 0 ? lines.lineNumber() : firstBlank;
                    continue;
                }
                if (firstBlank >= 0) {
                    throw lines.errorAt(firstBlank, "empty line; blank lines are allowed only at the end of the file");
                }
                if (!lines.terminated()) {
                    String cut = truncation(lines, rows.columns);
                    if (cut != null) {
                        warnings.add(cut);
                        break;
                    }
                }
                double t = rows.parse(lines, values, 0);
                for (int m = 0; m < markerColumns.size(); m++) {
                    if (rows.markerValues[m] != 0) {
                        markers.add(new RecordedMarker(t, 0, TextLines.label(rows.markerValues[m]),
                                RecordedMarker.Kind.ANNOTATION, markerColumns.get(m)));
                    }
                }
                first = count == 0 ? t : first;
                last = t;
                count++;
            }
            if (rows.adjusted > 0) {
                warnings.add(String.format(Locale.ROOT,
                        "%d time stamps step back by up to %.3f s (first at line %d); each was raised to the latest "
                                + "earlier stamp so that time never decreases",
                        rows.adjusted, rows.largestStepBack, rows.firstAdjustedLine));
            }
            if (count == 0) {
                warnings.add("no samples after the header");
            }
            RecordedStream stream = new RecordedStream(STREAM_ID, STREAM_ID, STREAM_TYPE, CHANNELS.size(), NOMINAL_RATE_HZ,
                    CHANNELS, Collections.nCopies(CHANNELS.size(), UNIT), count, first, last, "");
            return new MuseCsvRecording(path, markerColumns, stream, markers, warnings, rows.adjusted);
        }
    }

    private static List<String> readHeader(TextLines lines) throws IOException {
        if (!lines.next()) {
            throw lines.errorAt(1, "missing header: the file is empty; expected %s", EXPECTED_HEADER);
        }
        int n = lines.fieldCount();
        boolean ok = n > CHANNELS.size() && lines.field(0).equals(TIME_COLUMN);
        for (int c = 0; ok && c < CHANNELS.size(); c++) {
            ok = lines.field(1 + c).equals(CHANNELS.get(c));
        }
        List<String> markerColumns = new ArrayList<>();
        for (int i = 1 + CHANNELS.size(); ok && i < n; i++) {
            ok = MARKER_COLUMN.matcher(lines.field(i)).matches();
            markerColumns.add(lines.field(i));
        }
        if (!ok) {
            throw lines.error("missing header: found '%s'; expected %s", TextLines.excerpt(lines.text()), EXPECTED_HEADER);
        }
        return markerColumns;
    }

    /** The warning for an unterminated last line that was cut, or null if the line is complete. */
    private static String truncation(TextLines lines, int columns) {
        if (lines.fieldCount() < columns) {
            return String.format(Locale.ROOT, "line %d, the last, has no line end and %d of the %d columns: dropped as truncated",
                    lines.lineNumber(), lines.fieldCount(), columns);
        }
        if (lines.fieldCount() == columns && !lines.isNumber(columns - 1)) {
            return String.format(Locale.ROOT,
                    "line %d, the last, has no line end and its last value '%s' is incomplete: dropped as truncated",
                    lines.lineNumber(), TextLines.excerpt(lines.field(columns - 1)));
        }
        return null;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<RecordedStream> streams() {
        return List.of(stream);
    }

    /** The one stream. */
    public RecordedStream stream() {
        return stream;
    }

    /** Names of the marker columns, in file order ({@code Marker}, or {@code Marker0}, ...); may be empty. */
    public List<String> markerColumns() {
        return markerColumns;
    }

    /**
     * Rate measured from the time stamps: {@code (samples - 1) / (last time - first time)}, hertz; NaN when the
     * file has fewer than two samples or they all share one time stamp.
     */
    public double effectiveRateHz() {
        double span = stream.lastTime() - stream.firstTime();
        return stream.sampleCount() > 1 && span > 0 ? (stream.sampleCount() - 1) / span : Double.NaN;
    }

    /** Number of time stamps that stepped back (within {@link #MAX_BACKWARD_STEP_SECONDS}) and were raised. */
    public long adjustedTimestampCount() {
        return adjustedTimestamps;
    }

    @Override
    public List<RecordedMarker> markers() {
        return markers;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public SampleCursor open(RecordedStream requested) throws IOException {
        if (closed) {
            throw new IllegalStateException(path + ": recording is closed");
        }
        if (!stream.equals(requested)) {
            throw new IllegalArgumentException(path + ": stream " + requested.id() + " is not the stream of this recording ("
                    + STREAM_ID + ")");
        }
        Rows rows = new Rows(markerColumns);
        return new LineCursor(path, 1, stream.sampleCount(), CHANNELS.size()) {
            @Override
            double parse(TextLines line, float[] samples, int offset) throws IOException {
                return rows.parse(line, samples, offset);
            }
        };
    }

    /** Marks the recording closed; cursors already open stay usable until they are closed themselves. */
    @Override
    public void close() {
        closed = true;
    }

    /** Parses data lines in file order; keeps the latest time stamp to hold time non-decreasing. */
    private static final class Rows {
        final List<String> markerColumns;
        final int columns;
        final double[] markerValues;
        double latest = Double.NEGATIVE_INFINITY;
        long adjusted;
        double largestStepBack;
        long firstAdjustedLine;

        Rows(List<String> markerColumns) {
            this.markerColumns = markerColumns;
            this.columns = 1 + CHANNELS.size() + markerColumns.size();
            this.markerValues = new double[markerColumns.size()];
        }

        /** Parses the current line into {@code samples[offset ...]} and {@link #markerValues}; returns its time. */
        double parse(TextLines line, float[] samples, int offset) throws RecordingFormatException {
            if (line.fieldCount() != columns) {
                throw line.error("%d columns, but the header has %d", line.fieldCount(), columns);
            }
            double t = line.time(0, TIME_COLUMN, 1.0);
            if (t < latest) {
                double back = latest - t;
                if (back > MAX_BACKWARD_STEP_SECONDS) {
                    throw line.error("time goes backwards: %.6f s is %.6f s before the %.6f s of an earlier line "
                            + "(at most %.3f s is tolerated as jitter)", t, back, latest, MAX_BACKWARD_STEP_SECONDS);
                }
                adjusted++;
                largestStepBack = Math.max(largestStepBack, back);
                firstAdjustedLine = firstAdjustedLine == 0 ? line.lineNumber() : firstAdjustedLine;
                t = latest;
            }
            latest = t;
            for (int c = 0; c < CHANNELS.size(); c++) {
                samples[offset + c] = line.sample(1 + c, CHANNELS.get(c));
            }
            for (int m = 0; m < markerValues.length; m++) {
                markerValues[m] = line.number(1 + CHANNELS.size() + m, markerColumns.get(m));
            }
            return t;
        }
    }
}
