package org.bcistream.streaming.recording.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;

/**
 * An OpenBCI GUI (v5/v6) raw text recording ({@code OpenBCI-RAW-*.txt}):
 *
 * <pre>
 * %OpenBCI Raw EXG Data
 * %Number of channels = 8
 * %Sample Rate = 250 Hz
 * %Board = OpenBCI_GUI$BoardCytonSerial
 * Sample Index, EXG Channel 0, ..., EXG Channel 7, Accel Channel 0..2, ..., Timestamp, Marker Channel, Timestamp (Formatted)
 * 0, 61379.36, ..., 1557936053329,0, 12:00:53.329
 * </pre>
 *
 * <p>The first line must be {@value #FIRST_LINE}; the {@code %} lines must give {@code Number of channels} and
 * {@code Sample Rate} (hertz); {@code Board} is optional. Columns are found by name in the column header:
 * {@code Sample Index}, {@code EXG Channel 0} to {@code n-1}, {@code Timestamp} (Unix milliseconds), optional
 * {@code Marker Channel}; {@code Timestamp (Formatted)} is text and not read; every other column must hold
 * numbers.
 *
 * <p>Stream: one, id {@value #STREAM_ID}, name {@code OpenBCI Cyton} (or {@code OpenBCI Ganglion}, else
 * {@code OpenBCI}, from the board), type {@value #STREAM_TYPE}, the EXG channels labelled as in the file, in
 * microvolts, nominal rate from the header, source id the board value.
 *
 * <p>Sample counter: on an 8-channel Cyton the sample index counts 0..255 and wraps. A step other than +1
 * (mod {@value #COUNTER_MODULUS}) is a gap of {@code step - 1} missing samples (a repeated index counts as a
 * full wrap, 255 missing; gaps of whole counter cycles cannot be seen). The first {@value #LISTED_GAPS} gaps are
 * listed in {@link #warnings()} with their line, then a total; {@link #counterGapCount()} and
 * {@link #missingSampleCount()} count them. For other boards the index is not checked (a warning says so) and
 * every line is taken as the next sample.
 *
 * <p>Time: the GUI stamps samples when they reach the computer, in bursts (the shared example file has 14,268
 * distinct stamps for 22,490 samples, jittering by up to about 30 ms). The reader therefore fits the
 * {@code Timestamp} column (seconds) against the sample position (counting missing samples) by least squares,
 * in one pass, and stamps sample {@code k} at {@code intercept + position(k) / effectiveRate}: smooth, on the
 * computer's clock, and gap-aware. {@link #effectiveRateHz()} is that fit's rate. With fewer than two samples, or
 * a {@code Timestamp} column that never increases, the nominal rate is used from the first stamp. The column may
 * step back by at most {@value #MAX_BACKWARD_STEP_SECONDS} s (jitter); a larger step fails the file.
 *
 * <p>Markers: every non-zero {@code Marker Channel} value, kind {@link RecordedMarker.Kind#ANNOTATION}, label the
 * value, stream id {@code Marker Channel}, at its sample's time.
 *
 * <p>{@link #open(Path)} reads the file once (validation, counts, gaps, the clock fit, markers); the cursors of
 * {@link #open(RecordedStream)} parse the lines again on demand. The recording holds no file open; each
 * cursor holds its own until closed. See the package documentation for the rules on malformed lines.
 */
public final class OpenBciTextRecording implements Recording {
    /** The value of {@link #format()}. */
    public static final String FORMAT = "OpenBCI GUI text";

    /** The first line of every file. */
    public static final String FIRST_LINE = "%OpenBCI Raw EXG Data";

    /** Id of the one stream (the GUI's name for the electrode channels). */
    public static final String STREAM_ID = "EXG";

    /** Type of the stream. */
    public static final String STREAM_TYPE = "EEG";

    /** Unit of every EXG channel. */
    public static final String UNIT = "microvolts";

    /** The Cyton's sample index wraps at this value. */
    public static final int COUNTER_MODULUS = 256;

    /** Gaps listed one per warning line; more are summed up in one more line. */
    public static final int LISTED_GAPS = 10;

    /** Largest step back of the {@code Timestamp} column treated as jitter, seconds; a larger one fails the file. */
    public static final double MAX_BACKWARD_STEP_SECONDS = 0.1;

    /** Highest channel count accepted from the header. */
    static final int MAX_CHANNELS = 1024;

    /** Accepted sample rates, hertz. */
    static final double MIN_RATE_HZ = 1e-3;

    static final double MAX_RATE_HZ = 1e6;

    /** Seconds per unit of the {@code Timestamp} column (milliseconds). */
    private static final double SECONDS_PER_TIME_UNIT = 1e-3;

    private static final String INDEX_COLUMN = "Sample Index";
    private static final String EXG_COLUMN = "EXG Channel ";
    private static final String TIME_COLUMN = "Timestamp";
    private static final String MARKER_COLUMN = "Marker Channel";
    private static final String TEXT_COLUMN = "Timestamp (Formatted)";
    private static final String CHANNELS_KEY = "Number of channels";
    private static final String RATE_KEY = "Sample Rate";
    private static final String BOARD_KEY = "Board";

    private final Path path;
    private final Layout layout;
    private final RecordedStream stream;
    private final List<RecordedMarker> markers;
    private final List<String> warnings;
    private final Clock clock;
    private final long gaps;
    private final long missing;
    private boolean closed;

    private OpenBciTextRecording(Path path, Layout layout, RecordedStream stream, List<RecordedMarker> markers,
            List<String> warnings, Clock clock, long gaps, long missing) {
        this.path = path;
        this.layout = layout;
        this.stream = stream;
        this.markers = Collections.unmodifiableList(markers);
        this.warnings = List.copyOf(warnings);
        this.clock = clock;
        this.gaps = gaps;
        this.missing = missing;
    }

    /**
     * Opens an OpenBCI GUI raw text file: validates the header and every line, counts samples and counter gaps,
     * fits the clock and collects markers.
     *
     * @throws RecordingFormatException if the file breaks the layout (the message names the file and line)
     * @throws IOException if reading fails
     */
    public static OpenBciTextRecording open(Path path) throws IOException {
        try (TextLines lines = TextLines.open(path)) {
            Layout layout = Layout.read(lines);
            Rows rows = new Rows(layout);
            float[] values = new float[layout.channels()];
            List<String> warnings = new ArrayList<>();
            if (!layout.counterChecked()) {
                warnings.add(String.format(Locale.ROOT, "sample index not checked for gaps: the 0..255 counter rule is "
                        + "known for the 8-channel Cyton only (board '%s', %d channels); every line is taken as the next sample",
                        layout.board(), layout.channels()));
            }
            List<Long> markerPositions = new ArrayList<>();
            List<String> markerLabels = new ArrayList<>();
            Fit fit = new Fit();
            long count = 0;
            long gaps = 0;
            long missing = 0;
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
                    String cut = layout.truncation(lines);
                    if (cut != null) {
                        warnings.add(cut);
                        break;
                    }
                }
                long position = rows.parse(lines, values, 0);
                if (rows.step > 1) {
                    gaps++;
                    missing += rows.step - 1;
                    if (gaps <= LISTED_GAPS) {
                        warnings.add(String.format(Locale.ROOT, "line %d: sample index jumps from %d to %d; missing samples: %d",
                                lines.lineNumber(), rows.previousIndex, rows.index, rows.step - 1));
                    }
                }
                fit.add(position, rows.columnTime);
                if (rows.marker != 0) {
                    markerPositions.add(position);
                    markerLabels.add(TextLines.label(rows.marker));
                }
                count++;
            }
            if (gaps > LISTED_GAPS) {
                warnings.add(String.format(Locale.ROOT, "sample index: %d gaps in total, %d samples missing (the first %d are listed above)",
                        gaps, missing, LISTED_GAPS));
            }
            if (count == 0) {
                warnings.add("no samples after the header");
            }
            Clock clock = fit.clock(layout.rateHz());
            if (count > 1 && !fit.usable()) {
                warnings.add(String.format(Locale.ROOT,
                        "the Timestamp column never increases; times use the nominal %s Hz from the first stamp",
                        TextLines.label(layout.rateHz())));
            }
            List<RecordedMarker> markers = new ArrayList<>(markerLabels.size());
            for (int i = 0; i < markerLabels.size(); i++) {
                markers.add(new RecordedMarker(clock.time(markerPositions.get(i)), 0, markerLabels.get(i),
                        RecordedMarker.Kind.ANNOTATION, MARKER_COLUMN));
            }
            RecordedStream stream = new RecordedStream(STREAM_ID, layout.streamName(), STREAM_TYPE, layout.channels(),
                    layout.rateHz(), layout.channelLabels(), Collections.nCopies(layout.channels(), UNIT), count,
                    count > 0 ? clock.time(0) : 0, count > 0 ? clock.time(rows.position) : 0, layout.board());
            return new OpenBciTextRecording(path, layout, stream, markers, warnings, clock, gaps, missing);
        }
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

    /** The {@code %Board} header value, or empty when the file has none. */
    public String board() {
        return layout.board();
    }

    /** Whether the sample index was checked for gaps (8-channel Cyton files). */
    public boolean counterChecked() {
        return layout.counterChecked();
    }

    /** Number of sample index jumps other than +1 (each may hide several missing samples). */
    public long counterGapCount() {
        return gaps;
    }

    /** Total number of samples missing according to the sample index. */
    public long missingSampleCount() {
        return missing;
    }

    /**
     * The rate of the clock fit, hertz: the inverse slope of the least-squares line through the
     * {@code Timestamp} column (seconds) against the gap-aware sample position; the nominal rate when the
     * column could not be fitted.
     */
    public double effectiveRateHz() {
        return 1 / clock.secondsPerSample();
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
        Rows rows = new Rows(layout);
        return new LineCursor(path, layout.headerLines(), stream.sampleCount(), layout.channels()) {
            @Override
            double parse(TextLines line, float[] samples, int offset) throws IOException {
                return clock.time(rows.parse(line, samples, offset));
            }
        };
    }

    /** Marks the recording closed; cursors already open stay usable until they are closed themselves. */
    @Override
    public void close() {
        closed = true;
    }

    /** What a column of a data line is. */
    private enum Role {
        INDEX,
        EXG,
        TIME,
        MARKER,
        NUMBER,
        TEXT
    }

    /**
     * The header: channel count, rate, board, and the role of every column.
     *
     * @param exgChannel for each column, its EXG channel number, or -1
     */
    private record Layout(int channels, double rateHz, String board, long headerLines, List<String> names, Role[] roles,
            int[] exgChannel, boolean counterChecked) {
        static Layout read(TextLines lines) throws IOException {
            if (!lines.next()) {
                throw lines.errorAt(1, "missing header: the file is empty; expected '%s'", FIRST_LINE);
            }
            if (!lines.text().trim().equals(FIRST_LINE)) {
                throw lines.error("missing header: found '%s'; expected '%s'", TextLines.excerpt(lines.text()), FIRST_LINE);
            }
            int channels = 0;
            double rate = 0;
            String board = "";
            while (true) {
                if (!lines.next()) {
                    throw lines.errorAt(lines.lineNumber() + 1, "missing header: the file ends before the column header line");
                }
                if (!lines.startsWith('%')) {
                    break;
                }
                String text = lines.text();
                int eq = text.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = text.substring(1, eq).trim();
                String value = text.substring(eq + 1).trim();
                if (key.equals(CHANNELS_KEY)) {
                    channels = channelCount(lines, value);
                } else if (key.equals(RATE_KEY)) {
                    rate = rate(lines, value);
                } else if (key.equals(BOARD_KEY)) {
                    board = value;
                }
            }
            if (channels == 0 || rate == 0) {
                throw lines.error("missing header: no '%%%s' line before the column header",
                        channels == 0 ? CHANNELS_KEY + " = <n>" : RATE_KEY + " = <hertz> Hz");
            }
            int n = lines.fieldCount();
            List<String> names = new ArrayList<>(n);
            Role[] roles = new Role[n];
            int[] exgChannel = new int[n];
            int[] exgColumn = new int[channels];
            Arrays.fill(exgColumn, -1);
            int timeColumn = -1;
            for (int i = 0; i < n; i++) {
                String name = lines.field(i);
                names.add(name);
                exgChannel[i] = -1;
                roles[i] = Role.NUMBER;
                if (i == 0 && name.equals(INDEX_COLUMN)) {
                    roles[i] = Role.INDEX;
                } else if (name.equals(TIME_COLUMN) && timeColumn < 0) {
                    roles[i] = Role.TIME;
                    timeColumn = i;
                } else if (name.equals(MARKER_COLUMN)) {
                    roles[i] = Role.MARKER;
                } else if (name.equals(TEXT_COLUMN)) {
                    roles[i] = Role.TEXT;
                } else if (name.startsWith(EXG_COLUMN)) {
                    int c = exgNumber(name.substring(EXG_COLUMN.length()), channels);
                    if (c >= 0 && exgColumn[c] < 0) {
                        exgColumn[c] = i;
                        exgChannel[i] = c;
                        roles[i] = Role.EXG;
                    }
                }
            }
            if (roles[0] != Role.INDEX) {
                throw lines.error("missing header: found '%s'; expected the column header, starting with '%s'",
                        TextLines.excerpt(lines.text()), INDEX_COLUMN);
            }
            for (int c = 0; c < channels; c++) {
                if (exgColumn[c] < 0) {
                    throw lines.error("the column header has no '%s%d' column for the %d channels of the header",
                            EXG_COLUMN, c, channels);
                }
            }
            if (timeColumn < 0) {
                throw lines.error("the column header has no '%s' column", TIME_COLUMN);
            }
            boolean cyton = board.contains("Cyton") && !board.contains("Daisy") && channels == 8;
            return new Layout(channels, rate, board, lines.lineNumber(), List.copyOf(names), roles, exgChannel, cyton);
        }

        private static int channelCount(TextLines lines, String value) throws RecordingFormatException {
            try {
                int channels = Integer.parseInt(value);
                if (channels >= 1 && channels <= MAX_CHANNELS) {
                    return channels;
                }
            } catch (NumberFormatException e) {
                // reported below, with the value
            }
            throw lines.error("'%s = %s' is not a channel count 1..%d", CHANNELS_KEY, TextLines.excerpt(value), MAX_CHANNELS);
        }

        private static double rate(TextLines lines, String value) throws RecordingFormatException {
            String number = value.toLowerCase(Locale.ROOT).endsWith("hz") ? value.substring(0, value.length() - 2).trim() : value;
            try {
                double rate = Double.parseDouble(number);
                if (rate >= MIN_RATE_HZ && rate <= MAX_RATE_HZ) {
                    return rate;
                }
            } catch (NumberFormatException e) {
                // reported below, with the value
            }
            throw lines.error("'%s = %s' is not a sample rate %s..%s Hz", RATE_KEY, TextLines.excerpt(value),
                    TextLines.label(MIN_RATE_HZ), TextLines.label(MAX_RATE_HZ));
        }

        /** The channel number of an EXG column suffix ({@code "3"}), or -1 if it is not one below {@code channels}. */
        private static int exgNumber(String suffix, int channels) {
            if (suffix.isEmpty() || suffix.length() > 4 || !suffix.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return -1;
            }
            int c = Integer.parseInt(suffix);
            return c < channels ? c : -1;
        }

        String streamName() {
            return board.contains("Cyton") ? "OpenBCI Cyton" : board.contains("Ganglion") ? "OpenBCI Ganglion" : "OpenBCI";
        }

        List<String> channelLabels() {
            String[] labels = new String[channels];
            for (int i = 0; i < roles.length; i++) {
                if (roles[i] == Role.EXG) {
                    labels[exgChannel[i]] = names.get(i);
                }
            }
            return List.of(labels);
        }

        int columns() {
            return roles.length;
        }

        /** The warning for an unterminated last line that was cut, or null if the line is complete. */
        String truncation(TextLines lines) {
            int n = columns();
            if (lines.fieldCount() < n) {
                return String.format(Locale.ROOT, "line %d, the last, has no line end and %d of the %d columns: dropped as truncated",
                        lines.lineNumber(), lines.fieldCount(), n);
            }
            boolean complete = roles[n - 1] == Role.TEXT ? !lines.isBlank(n - 1) : lines.isNumber(n - 1);
            if (lines.fieldCount() == n && !complete) {
                return String.format(Locale.ROOT,
                        "line %d, the last, has no line end and its last value '%s' is incomplete: dropped as truncated",
                        lines.lineNumber(), TextLines.excerpt(lines.field(n - 1)));
            }
            return null;
        }
    }

    /** Parses data lines in file order, following the sample index. */
    private static final class Rows {
        final Layout layout;
        /** Position of the current sample, counting missing samples; -1 before the first. */
        long position = -1;
        /** Sample index of the current and of the previous line (-1 before the first). */
        int index = -1;
        int previousIndex = -1;
        /** Index step of the current line (1 when no sample is missing). */
        int step;
        /** {@code Timestamp} of the current line, milliseconds. */
        double columnTime;
        double marker;
        /** Latest {@code Timestamp} so far, milliseconds. */
        double latestColumnTime = Double.NEGATIVE_INFINITY;

        Rows(Layout layout) {
            this.layout = layout;
        }

        /** Parses the current line into {@code samples[offset ...]} and the fields above; returns its position. */
        long parse(TextLines line, float[] samples, int offset) throws RecordingFormatException {
            Role[] roles = layout.roles();
            if (line.fieldCount() != roles.length) {
                throw line.error("%d columns, but the header has %d", line.fieldCount(), roles.length);
            }
            marker = 0;
            double indexValue = 0;
            for (int i = 0; i < roles.length; i++) {
                String name = layout.names().get(i);
                switch (roles[i]) {
                    case INDEX -> indexValue = line.number(i, name);
                    case EXG -> samples[offset + layout.exgChannel()[i]] = line.sample(i, name);
                    case TIME -> columnTime = line.time(i, name, SECONDS_PER_TIME_UNIT);
                    case MARKER -> marker = line.number(i, name);
                    case NUMBER -> line.number(i, name);
                    case TEXT -> { }
                }
            }
            double back = (latestColumnTime - columnTime) * SECONDS_PER_TIME_UNIT;
            if (back > MAX_BACKWARD_STEP_SECONDS) {
                throw line.error("time goes backwards: Timestamp %s ms is %.3f s before the %s ms of an earlier line "
                        + "(at most %.3f s is tolerated as jitter)", TextLines.label(columnTime), back,
                        TextLines.label(latestColumnTime), MAX_BACKWARD_STEP_SECONDS);
            }
            latestColumnTime = Math.max(latestColumnTime, columnTime);
            previousIndex = index;
            step = 1;
            if (layout.counterChecked()) {
                if (indexValue != Math.rint(indexValue) || indexValue < 0 || indexValue >= COUNTER_MODULUS) {
                    throw line.error("column 1 (%s) is %s, not a sample counter 0..%d", INDEX_COLUMN,
                            TextLines.label(indexValue), COUNTER_MODULUS - 1);
                }
                index = (int) indexValue;
                if (previousIndex >= 0) {
                    int d = Math.floorMod(index - previousIndex, COUNTER_MODULUS);
                    step = d == 0 ? COUNTER_MODULUS : d;
                }
            }
            position = position < 0 ? 0 : position + step;
            return position;
        }
    }

    /**
     * Online least squares of the {@code Timestamp} column against the position (Welford updates). Times are
     * taken relative to the first one in the column's unit (exact for integer milliseconds), then in seconds.
     */
    private static final class Fit {
        private long n;
        private double firstValue;
        private double meanX;
        private double meanY;
        private double sxx;
        private double sxy;

        void add(long position, double columnValue) {
            if (n == 0) {
                firstValue = columnValue;
            }
            n++;
            double x = position;
            double y = (columnValue - firstValue) * SECONDS_PER_TIME_UNIT;
            double dx = x - meanX;
            meanX += dx / n;
            meanY += (y - meanY) / n;
            sxx += dx * (x - meanX);
            sxy += dx * (y - meanY);
        }

        boolean usable() {
            return n > 1 && sxx > 0 && sxy / sxx > 0 && Double.isFinite(sxy / sxx);
        }

        Clock clock(double nominalRateHz) {
            double slope = usable() ? sxy / sxx : 1 / nominalRateHz;
            double intercept = usable() ? meanY - slope * meanX : 0;
            return new Clock(firstValue * SECONDS_PER_TIME_UNIT + intercept, slope);
        }
    }

    /** Time of a sample position: {@code origin + position * secondsPerSample}, seconds. */
    private record Clock(double origin, double secondsPerSample) {
        double time(long position) {
            return origin + position * secondsPerSample;
        }
    }
}
