package org.bcistream.streaming.recording.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.bcistream.streaming.recording.RecordingFormatException;

/**
 * Reads a text recording line by line with a bounded line length, splits the current line at commas and
 * parses its fields strictly; every error names the file and the line.
 *
 * <p>Bytes are mapped one to one to characters (ISO-8859-1), so any byte sequence reads without a decoding
 * error and garbage shows up as a bad header or a bad number. A line ends at {@code \n}; one {@code \r}
 * before it (or at the end of the file) is dropped. Not thread-safe.
 */
final class TextLines implements Closeable {
    /** Longest line accepted, bytes without the line end. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** Largest accepted time stamp magnitude, seconds (about 31,700 years): keeps all time arithmetic finite. */
    static final double MAX_TIME_SECONDS = 1e12;

    private static final int EXCERPT_CHARS = 60;

    private final Path path;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int bufferPos;
    private int bufferEnd;
    private final char[] line = new char[MAX_LINE_BYTES + 1];
    private int length;
    private long lineNumber;
    private boolean terminated;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int fieldCount;

    private TextLines(Path path, InputStream in) {
        this.path = path;
        this.in = in;
    }

    /** Opens {@code path} positioned before its first line. */
    static TextLines open(Path path) throws IOException {
        return new TextLines(path, Files.newInputStream(path));
    }

    /**
     * Advances to the next line and splits it into fields.
     *
     * @return false at the end of the file
     * @throws RecordingFormatException if the line is longer than {@link #MAX_LINE_BYTES}
     */
    boolean next() throws IOException {
        length = 0;
        terminated = false;
        boolean any = false;
        while (true) {
            if (bufferPos == bufferEnd) {
                bufferEnd = in.read(buffer, 0, buffer.length);
                bufferPos = 0;
                if (bufferEnd <= 0) {
                    bufferEnd = 0;
                    break;
                }
            }
            any = true;
            byte b = buffer[bufferPos++];
            if (b == '\n') {
                terminated = true;
                break;
            }
            if (length == MAX_LINE_BYTES) {
                lineNumber++;
                throw error("longer than %d bytes without a line end; refusing to read further (binary data?)",
                        MAX_LINE_BYTES);
            }
            line[length++] = (char) (b & 0xFF);
        }
        if (!any) {
            return false;
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        split();
        return true;
    }

    private void split() {
        fieldCount = 0;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || line[i] == ',') {
                if (fieldCount == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * fieldCount);
                    ends = Arrays.copyOf(ends, 2 * fieldCount);
                }
                starts[fieldCount] = start;
                ends[fieldCount] = i;
                fieldCount++;
                start = i + 1;
            }
        }
    }

    /** Number of the current line, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line ended with a line end (false only for an unterminated last line). */
    boolean terminated() {
        return terminated;
    }

    /** Length of the current line in characters, without the line end. */
    int length() {
        return length;
    }

    /** Whether the current line starts with {@code c}. */
    boolean startsWith(char c) {
        return length > 0 && line[0] == c;
    }

    /** The current line as text. */
    String text() {
        return new String(line, 0, length);
    }

    /** Number of comma-separated fields of the current line (an empty line has one empty field). */
    int fieldCount() {
        return fieldCount;
    }

    /** Field {@code i} of the current line without surrounding blanks. */
    String field(int i) {
        int s = trimmedStart(i);
        return new String(line, s, trimmedEnd(i, s) - s);
    }

    /** Whether field {@code i} is empty or blank. */
    boolean isBlank(int i) {
        int s = trimmedStart(i);
        return trimmedEnd(i, s) == s;
    }

    /** Whether field {@code i} is a decimal number ({@code [+-]digits[.digits][e[+-]digits]}). */
    boolean isNumber(int i) {
        int s = trimmedStart(i);
        return isDecimal(s, trimmedEnd(i, s));
    }

    /**
     * Field {@code i} as a finite double.
     *
     * @param column the column's name, for the message
     * @throws RecordingFormatException if the field is not a decimal number, is NaN or infinite, or
     *     overflows a double
     */
    double number(int i, String column) throws RecordingFormatException {
        String text = decimal(i, column);
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw error("column %d (%s) is %s, beyond the double range (+-1.8e308)", i + 1, column, excerpt(text));
        }
        return v;
    }

    /** Field {@code i} as a finite float (a sample value, rounded once from the decimal text). */
    float sample(int i, String column) throws RecordingFormatException {
        String text = decimal(i, column);
        float v = Float.parseFloat(text);
        if (Float.isInfinite(v)) {
            throw error("column %d (%s) is %s, beyond the float range of samples (+-3.4e38)", i + 1, column, excerpt(text));
        }
        return v;
    }

    /** The trimmed text of field {@code i}, checked to be a decimal number. */
    private String decimal(int i, String column) throws RecordingFormatException {
        int s = trimmedStart(i);
        int e = trimmedEnd(i, s);
        String text = new String(line, s, e - s);
        if (isDecimal(s, e)) {
            return text;
        }
        String bare = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (lower.equals("nan")) {
            throw error("column %d (%s) is NaN; every value must be a finite number", i + 1, column);
        }
        if (lower.equals("inf") || lower.equals("infinity")) {
            throw error("column %d (%s) is %s; every value must be a finite number", i + 1, column, text);
        }
        throw error("column %d (%s) is '%s', not a number", i + 1, column, excerpt(text));
    }

    /**
     * Field {@code i} as a time stamp in the column's own unit, checked to lie within +-{@link #MAX_TIME_SECONDS}
     * once multiplied by {@code secondsPerUnit}.
     */
    double time(int i, String column, double secondsPerUnit) throws RecordingFormatException {
        double v = number(i, column);
        if (!(Math.abs(v * secondsPerUnit) <= MAX_TIME_SECONDS)) {
            throw error("column %d (%s) is %s, not a time stamp (beyond +-%.0e s)", i + 1, column, excerpt(field(i)),
                    MAX_TIME_SECONDS);
        }
        return v;
    }

    private int trimmedStart(int i) {
        if (i < 0 || i >= fieldCount) {
            throw new IndexOutOfBoundsException("field " + i + " of a line with " + fieldCount + " fields");
        }
        int s = starts[i];
        while (s < ends[i] && isBlankChar(line[s])) {
            s++;
        }
        return s;
    }

    private int trimmedEnd(int i, int trimmedStart) {
        int e = ends[i];
        while (e > trimmedStart && isBlankChar(line[e - 1])) {
            e--;
        }
        return e;
    }

    private static boolean isBlankChar(char c) {
        return c == ' ' || c == '\t';
    }

    private boolean isDecimal(int s, int e) {
        int i = s;
        if (i < e && (line[i] == '+' || line[i] == '-')) {
            i++;
        }
        int digits = 0;
        while (i < e && isDigit(line[i])) {
            i++;
            digits++;
        }
        if (i < e && line[i] == '.') {
            i++;
            while (i < e && isDigit(line[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < e && (line[i] == 'e' || line[i] == 'E')) {
            i++;
            if (i < e && (line[i] == '+' || line[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < e && isDigit(line[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == e;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An exception naming the file and the current line: {@code <file>: line <n>: <message>}. */
    RecordingFormatException error(String format, Object... args) {
        return errorAt(lineNumber, format, args);
    }

    /** An exception naming the file and line {@code number}. */
    RecordingFormatException errorAt(long number, String format, Object... args) {
        return new RecordingFormatException(path + ": line " + number + ": " + String.format(Locale.ROOT, format, args));
    }

    /** {@code text} cut to 60 characters, with control and non-ASCII characters as {@code \xNN}. */
    static String excerpt(String text) {
        StringBuilder out = new StringBuilder();
        int n = Math.min(text.length(), EXCERPT_CHARS);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > n) {
            out.append("...");
        }
        return out.toString();
    }

    /** A marker code as a label: integral values without a decimal point ({@code 1}), others as Java prints them. */
    static String label(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
