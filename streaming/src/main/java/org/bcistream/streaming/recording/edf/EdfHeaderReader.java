package org.bcistream.streaming.recording.edf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bcistream.streaming.recording.RecordingFormatException;

/**
 * Reads and validates the header of an EDF/BDF file: the 256-byte fixed part, then 256 bytes per signal,
 * stored field by field (all labels, then all transducers, ...). Every number is checked before anything
 * is allocated from it; errors name the file, the byte offset, the field and the value.
 */
final class EdfHeaderReader {
    /** Largest data record accepted, bytes: bounds what one cursor allocates. */
    static final long MAX_RECORD_BYTES = 64L << 20;

    private static final int FIXED_BYTES = 256;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,8}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern DATE = Pattern.compile("\\d\\d\\.\\d\\d\\.\\d\\d");

    /** Widths of the per-signal fields, in header order. */
    private static final int[] SIGNAL_FIELD_WIDTHS = {16, 80, 8, 8, 8, 8, 8, 80, 8, 32};
    private static final String[] SIGNAL_FIELD_NAMES = {
        "label", "transducer", "physical dimension", "physical minimum", "physical maximum", "digital minimum",
        "digital maximum", "prefiltering", "samples per record", "reserved"
    };

    private EdfHeaderReader() {}

    /**
     * Reads the header at the start of {@code channel}.
     *
     * @param fileSize the file's size, bytes
     * @param warnings receives what is odd but readable (an invalid start date)
     */
    static EdfHeader read(FileChannel channel, Path path, long fileSize, List<String> warnings) throws IOException {
        if (fileSize < FIXED_BYTES) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: %d bytes, shorter than the %d-byte fixed EDF/BDF header", path, fileSize, FIXED_BYTES));
        }
        byte[] fixed = readBytes(channel, path, 0, FIXED_BYTES);
        boolean bdf = (fixed[0] & 0xFF) == 0xFF;
        String version = text(fixed, 1, 7);
        if (bdf ? !version.equals("BIOSEMI") : !text(fixed, 0, 8).equals("0")) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte 0 (version): '%s' is neither EDF's '0' nor BDF's 0xFF 'BIOSEMI'", path,
                    printable(fixed, 0, 8)));
        }
        if (!bdf) {
            version = "0";
        }
        String patient = text(fixed, 8, 80);
        String recording = text(fixed, 88, 80);
        String startDate = text(fixed, 168, 8);
        String startTime = text(fixed, 176, 8);
        long headerBytes = integer(fixed, 184, 8, path, "header bytes");
        String reserved = text(fixed, 192, 44);
        long recordCount = integer(fixed, 236, 8, path, "number of data records");
        double duration = decimal(fixed, 244, 8, path, "record duration");
        long signalCount = integer(fixed, 252, 4, path, "number of signals");

        if (signalCount < 1) {
            throw field(path, 252, "number of signals", signalCount + " signals; at least 1 is needed");
        }
        long expectedHeaderBytes = FIXED_BYTES * (signalCount + 1);
        if (headerBytes != expectedHeaderBytes) {
            throw field(path, 184, "header bytes", String.format(Locale.ROOT,
                    "%d, but %d signals need 256 x (%d + 1) = %d", headerBytes, signalCount, signalCount, expectedHeaderBytes));
        }
        if (recordCount < -1 || recordCount == 0) {
            throw field(path, 236, "number of data records", recordCount + "; must be > 0, or -1 when unknown");
        }
        if (duration < 0) {
            throw field(path, 244, "record duration", duration + " s; must be >= 0");
        }
        if (fileSize < headerBytes) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: header truncated: %d signals need a %d-byte header, the file has %d bytes", path, signalCount,
                    headerBytes, fileSize));
        }
        int ns = (int) signalCount;
        byte[] perSignal = readBytes(channel, path, FIXED_BYTES, (int) headerBytes - FIXED_BYTES);
        List<EdfSignal> signals = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) {
            signals.add(signal(perSignal, ns, i, bdf, path));
        }
        EdfHeader header = new EdfHeader(bdf, version, patient, recording, startDate, startTime,
                startDateTime(startDate, startTime, path, warnings), (int) headerBytes, reserved, recordCount, duration, signals);
        long recordBytes = header.recordBytes();
        if (recordBytes > MAX_RECORD_BYTES) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: data records of %d bytes (from the samples per record of %d signals); at most %d are accepted",
                    path, recordBytes, ns, MAX_RECORD_BYTES));
        }
        boolean hasSamples = signals.stream().anyMatch(s -> !s.isAnnotation());
        if (hasSamples && duration == 0) {
            throw field(path, 244, "record duration", "0 s, but the file has signals with samples (only annotation-only files may use 0)");
        }
        return header;
    }

    private static EdfSignal signal(byte[] perSignal, int ns, int i, boolean bdf, Path path) throws RecordingFormatException {
        String[] raw = new String[SIGNAL_FIELD_WIDTHS.length];
        int[] offsets = new int[SIGNAL_FIELD_WIDTHS.length];
        int start = 0;
        for (int f = 0; f < raw.length; f++) {
            int w = SIGNAL_FIELD_WIDTHS[f];
            offsets[f] = start + i * w;
            raw[f] = text(perSignal, offsets[f], w);
            start += ns * w;
        }
        String label = raw[0];
        boolean annotation = label.equals(EdfSignal.EDF_ANNOTATIONS) || label.equals(EdfSignal.BDF_ANNOTATIONS);
        double physMin = signalDecimal(raw, offsets, 3, i, label, path);
        double physMax = signalDecimal(raw, offsets, 4, i, label, path);
        long digMin = signalInteger(raw, offsets, 5, i, label, path);
        long digMax = signalInteger(raw, offsets, 6, i, label, path);
        long spr = signalInteger(raw, offsets, 8, i, label, path);
        long lowest = bdf ? -(1L << 23) : Short.MIN_VALUE;
        long highest = bdf ? (1L << 23) - 1 : Short.MAX_VALUE;
        if (digMin < lowest || digMax > highest || digMin >= digMax) {
            throw signalField(path, offsets, 5, i, label, String.format(Locale.ROOT,
                    "digital range %d..%d; needs min < max within %d..%d for %d-bit samples", digMin, digMax, lowest, highest,
                    bdf ? 24 : 16));
        }
        if (!annotation && physMin == physMax) {
            throw signalField(path, offsets, 3, i, label, String.format(Locale.ROOT,
                    "physical minimum and maximum are both %s; they must differ", physMin));
        }
        if (spr < 1) {
            throw signalField(path, offsets, 8, i, label, spr + " samples per record; must be > 0");
        }
        return new EdfSignal(i, label, raw[1], raw[2], physMin, physMax, (int) digMin, (int) digMax, raw[7], (int) spr, raw[9]);
    }

    private static double signalDecimal(String[] raw, int[] offsets, int f, int i, String label, Path path)
            throws RecordingFormatException {
        String v = raw[f];
        double d = DECIMAL.matcher(v).matches() ? Double.parseDouble(v) : Double.NaN;
        if (!Double.isFinite(d)) {
            throw signalField(path, offsets, f, i, label, "'" + v + "' is not a finite decimal number");
        }
        return d;
    }

    private static long signalInteger(String[] raw, int[] offsets, int f, int i, String label, Path path)
            throws RecordingFormatException {
        String v = raw[f];
        if (!INTEGER.matcher(v).matches()) {
            throw signalField(path, offsets, f, i, label, "'" + v + "' is not an integer");
        }
        return Long.parseLong(v);
    }

    private static RecordingFormatException signalField(Path path, int[] offsets, int f, int i, String label, String what) {
        return new RecordingFormatException(String.format(Locale.ROOT, "%s: header byte %d (%s of signal %d '%s'): %s",
                path, FIXED_BYTES + offsets[f], SIGNAL_FIELD_NAMES[f], i, label, what));
    }

    private static long integer(byte[] b, int offset, int width, Path path, String name) throws RecordingFormatException {
        String v = text(b, offset, width);
        if (!INTEGER.matcher(v).matches()) {
            throw field(path, offset, name, "'" + printable(b, offset, width) + "' is not an integer");
        }
        return Long.parseLong(v);
    }

    private static double decimal(byte[] b, int offset, int width, Path path, String name) throws RecordingFormatException {
        String v = text(b, offset, width);
        double d = DECIMAL.matcher(v).matches() ? Double.parseDouble(v) : Double.NaN;
        if (!Double.isFinite(d)) {
            throw field(path, offset, name, "'" + printable(b, offset, width) + "' is not a finite decimal number");
        }
        return d;
    }

    private static RecordingFormatException field(Path path, int offset, String name, String what) {
        return new RecordingFormatException(String.format(Locale.ROOT, "%s: header byte %d (%s): %s", path, offset, name, what));
    }

    private static LocalDateTime startDateTime(String date, String time, Path path, List<String> warnings) {
        if (DATE.matcher(date).matches() && DATE.matcher(time).matches()) {
            int yy = Integer.parseInt(date.substring(6, 8));
            try {
                return LocalDateTime.of(yy >= 85 ? 1900 + yy : 2000 + yy, Integer.parseInt(date.substring(3, 5)),
                        Integer.parseInt(date.substring(0, 2)), Integer.parseInt(time.substring(0, 2)),
                        Integer.parseInt(time.substring(3, 5)), Integer.parseInt(time.substring(6, 8)));
            } catch (DateTimeException invalid) {
                // reported below, like a malformed field
            }
        }
        warnings.add(String.format(Locale.ROOT, "%s: header bytes 168..183: start date '%s' and time '%s' are not a valid "
                + "dd.mm.yy hh.mm.ss; start date and time unknown", path, date, time));
        return null;
    }

    /** The field as ASCII/Latin-1 text without surrounding spaces (and NULs some writers pad with). */
    private static String text(byte[] b, int offset, int width) {
        return new String(b, offset, width, StandardCharsets.ISO_8859_1).trim();
    }

    /** The raw field for a message: bytes outside printable ASCII shown as {@code \xNN}. */
    private static String printable(byte[] b, int offset, int width) {
        StringBuilder sb = new StringBuilder(width);
        for (int i = offset; i < offset + width; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02X", c));
            }
        }
        return sb.toString();
    }

    /** Reads exactly {@code length} bytes at {@code position}. */
    static byte[] readBytes(FileChannel channel, Path path, long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        readFully(channel, path, position, ByteBuffer.wrap(bytes));
        return bytes;
    }

    /** Fills {@code buffer} from {@code position}; a file that ends first is a format error naming the offset. */
    static void readFully(FileChannel channel, Path path, long position, ByteBuffer buffer) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new RecordingFormatException(String.format(Locale.ROOT,
                        "%s: file ends at byte %d, %d bytes short of what its header promises at byte %d", path, at,
                        buffer.remaining(), position));
            }
            at += n;
        }
    }
}
