package org.bcistream.streaming.recording.edf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bcistream.streaming.recording.RecordingFormatException;

/**
 * Parses the Time-stamped Annotation Lists (TALs) of one annotation signal's block in one data record:
 *
 * <pre>
 *   TAL   = onset [0x15 duration] 0x14 { text 0x14 } 0x00
 *   onset = ('+' | '-') digits ['.' digits]      seconds from the file's start date and time
 *   duration = digits ['.' digits]               seconds
 *   text  = UTF-8 bytes other than 0x14 and 0x00 (may be empty)
 * </pre>
 *
 * <p>TALs follow each other; 0x00 bytes between and after them are padding. A TAL directly closed after its
 * onset ({@code +1 0x14 0x00}) has no texts. Anything else is malformed and reported with its file offset.
 */
final class TalParser {
    /** One TAL: its onset and duration, seconds, and its texts in order (empty texts included). */
    record Tal(double onset, double duration, List<String> texts) {}

    private static final byte DURATION_MARK = 0x15;
    private static final byte TEXT_END = 0x14;

    private TalParser() {}

    /**
     * Parses {@code length} bytes of {@code block}.
     *
     * @param fileOffset file offset of {@code block[0]}, for messages
     */
    static List<Tal> parse(byte[] block, int length, Path path, long fileOffset) throws RecordingFormatException {
        List<Tal> tals = new ArrayList<>();
        int p = 0;
        while (p < length) {
            if (block[p] == 0) {
                p++;
                continue;
            }
            int start = p;
            int headEnd = find(block, p, length);
            if (headEnd == length || block[headEnd] != TEXT_END) {
                throw malformed(path, fileOffset + start, "onset is not followed by 0x14");
            }
            int mark = indexOf(block, start, headEnd, DURATION_MARK);
            int onsetEnd = mark < 0 ? headEnd : mark;
            double onset = number(block, start, onsetEnd, true, path, fileOffset, "onset");
            double duration = mark < 0 ? 0.0 : number(block, mark + 1, headEnd, false, path, fileOffset, "duration");
            List<String> texts = new ArrayList<>(2);
            int q = headEnd + 1;
            while (true) {
                if (q == length) {
                    throw malformed(path, fileOffset + start, "TAL is not closed by 0x00 before the end of the annotation block");
                }
                if (block[q] == 0) {
                    break;
                }
                int e = find(block, q, length);
                if (e == length || block[e] != TEXT_END) {
                    throw malformed(path, fileOffset + q, "annotation text is not closed by 0x14");
                }
                texts.add(new String(block, q, e - q, StandardCharsets.UTF_8));
                q = e + 1;
            }
            tals.add(new Tal(onset, duration, List.copyOf(texts)));
            p = q + 1;
        }
        return tals;
    }

    /** Index of the first 0x14 or 0x00 from {@code from}, or {@code length}. */
    private static int find(byte[] b, int from, int length) {
        for (int i = from; i < length; i++) {
            if (b[i] == TEXT_END || b[i] == 0) {
                return i;
            }
        }
        return length;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** A TAL number: {@code [+-]digits[.digits]} for onsets (sign required), {@code digits[.digits]} for durations. */
    private static double number(byte[] b, int from, int to, boolean signed, Path path, long fileOffset, String what)
            throws RecordingFormatException {
        int i = from;
        if (signed) {
            if (i == to || (b[i] != '+' && b[i] != '-')) {
                throw malformed(path, fileOffset + from, what + " '" + shown(b, from, to) + "' does not start with + or -");
            }
            i++;
        }
        int intDigits = digits(b, i, to);
        i += intDigits;
        int fracDigits = -1;
        if (i < to && b[i] == '.') {
            fracDigits = digits(b, i + 1, to);
            i += 1 + fracDigits;
        }
        if (intDigits == 0 || fracDigits == 0 || i != to) {
            throw malformed(path, fileOffset + from, what + " '" + shown(b, from, to) + "' is not a decimal number of seconds");
        }
        double value = Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
        if (!Double.isFinite(value)) {
            throw malformed(path, fileOffset + from, what + " '" + shown(b, from, to) + "' is out of range");
        }
        return value;
    }

    private static int digits(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - from;
    }

    /** Up to 40 bytes of a field for a message, non-printable bytes as {@code \xNN}. */
    private static String shown(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(to, from + 40); i++) {
            int c = b[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02X", c));
        }
        return to - from > 40 ? sb + "..." : sb.toString();
    }

    private static RecordingFormatException malformed(Path path, long offset, String what) {
        return new RecordingFormatException(String.format(Locale.ROOT, "%s: malformed TAL at byte %d: %s", path, offset, what));
    }
}
