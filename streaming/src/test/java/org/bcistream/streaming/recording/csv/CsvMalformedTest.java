package org.bcistream.streaming.recording.csv;

import static org.bcistream.streaming.recording.csv.CsvTestFiles.fixture;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.readAll;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bcistream.streaming.recording.RecordingTestFiles;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal rule of both readers on small edits of the fixtures, with the exact message, and the
 * truncation rule (an incomplete last line without a line end is dropped with a warning).
 */
class CsvMalformedTest {
    private static final String MUSE_EXPECTED = "expected timestamps,TP9,AF7,AF8,TP10,Right AUX followed by zero or more "
            + "marker columns Marker or Marker<digits>";

    @TempDir
    Path dir;

    private interface Opener {
        Recording open(Path path) throws IOException;
    }

    private static String muse() throws IOException {
        return text(fixture("muse-p300-head.csv"));
    }

    private static String openBci() throws IOException {
        return text(fixture("openbci-head.txt"));
    }

    /** {@code text} with line {@code number} (from 1) replaced, keeping its line end ({@code \n} or {@code \r\n}). */
    private static String withLine(String text, int number, String content) {
        String[] lines = text.split("\n", -1);
        lines[number - 1] = content + (lines[number - 1].endsWith("\r") ? "\r" : "");
        return String.join("\n", lines);
    }

    /** {@code text} with field {@code field} (from 0) of line {@code number} replaced. */
    private static String withField(String text, int number, int field, String value) {
        String line = text.split("\n", -1)[number - 1].replace("\r", "");
        String[] fields = line.split(",", -1);
        fields[field] = value;
        return withLine(text, number, String.join(",", fields));
    }

    /** {@code text} without line {@code number}. */
    private static String withoutLine(String text, int number) {
        List<String> lines = new java.util.ArrayList<>(Arrays.asList(text.split("\n", -1)));
        lines.remove(number - 1);
        return String.join("\n", lines);
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("case.txt");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return file;
    }

    private void assertRefused(Opener opener, String text, String message) throws IOException {
        Path file = write(text);
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> opener.open(file));
        assertEquals(file + ": " + message, e.getMessage());
    }

    private void assertMuseRefused(String text, String message) throws IOException {
        assertRefused(MuseCsvRecording::open, text, message);
    }

    private void assertOpenBciRefused(String text, String message) throws IOException {
        assertRefused(OpenBciTextRecording::open, text, message);
    }

    @Test
    void museBadValues() throws IOException {
        String m = muse();
        assertMuseRefused(withLine(m, 5, "1486223115.495,133.301,33.691,31.250,74.219,12.695"),
                "line 5: 6 columns, but the header has 7");
        assertMuseRefused(withLine(m, 5, "1486223115.495,133.301,33.691,31.250,74.219,12.695,0,0"),
                "line 5: 8 columns, but the header has 7");
        assertMuseRefused(withField(m, 4, 2, "2S.879"), "line 4: column 3 (AF7) is '2S.879', not a number");
        assertMuseRefused(withField(m, 4, 2, ""), "line 4: column 3 (AF7) is '', not a number");
        assertMuseRefused(withField(m, 4, 2, "0x1p3"), "line 4: column 3 (AF7) is '0x1p3', not a number");
        assertMuseRefused(withField(m, 4, 2, "25.879f"), "line 4: column 3 (AF7) is '25.879f', not a number");
        assertMuseRefused(withField(m, 6, 1, "NaN"), "line 6: column 2 (TP9) is NaN; every value must be a finite number");
        assertMuseRefused(withField(m, 6, 0, "nan"),
                "line 6: column 1 (timestamps) is NaN; every value must be a finite number");
        assertMuseRefused(withField(m, 6, 1, "-Infinity"),
                "line 6: column 2 (TP9) is -Infinity; every value must be a finite number");
        assertMuseRefused(withField(m, 6, 6, "1e999"), "line 6: column 7 (Marker) is 1e999, beyond the double range (+-1.8e308)");
        assertMuseRefused(withField(m, 6, 4, "4e38"),
                "line 6: column 5 (TP10) is 4e38, beyond the float range of samples (+-3.4e38)");
        assertMuseRefused(withField(m, 6, 0, "1e13"), "line 6: column 1 (timestamps) is 1e13, not a time stamp (beyond +-1e+12 s)");
    }

    @Test
    void museTimeGoingBackwards() throws IOException {
        assertMuseRefused(withField(muse(), 10, 0, "1486223114.511"), "line 10: time goes backwards: 1486223114.511000 s is "
                + "1.000000 s before the 1486223115.511000 s of an earlier line (at most 0.100 s is tolerated as jitter)");
    }

    @Test
    void museMissingOrWrongHeader() throws IOException {
        String m = muse();
        assertMuseRefused("", "line 1: missing header: the file is empty; " + MUSE_EXPECTED);
        assertMuseRefused(withoutLine(m, 1),
                "line 1: missing header: found '1486223115.483,-44.922,27.832,32.715,58.105,82.031,0'; " + MUSE_EXPECTED);
        assertMuseRefused(withLine(m, 1, "timestamps,TP9,AF7,AF8,TP10,Left AUX,Marker"),
                "line 1: missing header: found 'timestamps,TP9,AF7,AF8,TP10,Left AUX,Marker'; " + MUSE_EXPECTED);
        assertMuseRefused(withLine(m, 1, "timestamps,TP9,AF7,AF8,TP10,Right AUX,Markers"),
                "line 1: missing header: found 'timestamps,TP9,AF7,AF8,TP10,Right AUX,Markers'; " + MUSE_EXPECTED);
        assertMuseRefused(withLine(m, 1, "timestamps,TP9,AF7,AF8,TP10"),
                "line 1: missing header: found 'timestamps,TP9,AF7,AF8,TP10'; " + MUSE_EXPECTED);
    }

    @Test
    void binaryGarbageAndOverlongLines() throws IOException {
        byte[] gzip = {0x1F, (byte) 0x8B, 0x08, 0x00, 'x', '\n', 0x00, (byte) 0xFF, '\n'};
        Path file = dir.resolve("garbage.bin");
        Files.write(file, gzip);
        RecordingFormatException muse = assertThrows(RecordingFormatException.class, () -> MuseCsvRecording.open(file));
        assertEquals(file + ": line 1: missing header: found '\\x1F\\x8B\\x08\\x00x'; " + MUSE_EXPECTED, muse.getMessage());
        RecordingFormatException obci = assertThrows(RecordingFormatException.class, () -> OpenBciTextRecording.open(file));
        assertEquals(file + ": line 1: missing header: found '\\x1F\\x8B\\x08\\x00x'; expected '%OpenBCI Raw EXG Data'",
                obci.getMessage());

        byte[] noLineEnd = new byte[200_000];
        new java.util.SplittableRandom(7).nextBytes(noLineEnd);
        for (int i = 0; i < noLineEnd.length; i++) {
            noLineEnd[i] = noLineEnd[i] == '\n' ? 0 : noLineEnd[i];
        }
        Files.write(file, noLineEnd);
        String tooLong = ": line 1: longer than 65536 bytes without a line end; refusing to read further (binary data?)";
        assertEquals(file + tooLong, assertThrows(RecordingFormatException.class, () -> MuseCsvRecording.open(file)).getMessage());
        assertEquals(file + tooLong, assertThrows(RecordingFormatException.class, () -> OpenBciTextRecording.open(file)).getMessage());

        String longLine = "1".repeat(70_000);
        assertMuseRefused(withLine(muse(), 3, longLine),
                "line 3: longer than 65536 bytes without a line end; refusing to read further (binary data?)");
        assertOpenBciRefused(withLine(openBci(), 20, longLine),
                "line 20: longer than 65536 bytes without a line end; refusing to read further (binary data?)");
        String prefix = "1486223115.487,1,2,3,4,5,";
        String exactlyAtLimit = prefix + "0".repeat(TextLines.MAX_LINE_BYTES - prefix.length());
        try (MuseCsvRecording recording = MuseCsvRecording.open(write(withLine(muse(), 3, exactlyAtLimit)))) {
            assertEquals(29, recording.stream().sampleCount(), "a line of exactly 65536 bytes is accepted");
        }
    }

    @Test
    void blankLinesOnlyAtTheEnd() throws IOException {
        String m = muse();
        assertMuseRefused(withLine(m, 7, "\n" + m.split("\n")[6]),
                "line 7: empty line; blank lines are allowed only at the end of the file");
        try (MuseCsvRecording recording = MuseCsvRecording.open(write(m + "\n\r\n\n"))) {
            assertEquals(29, recording.stream().sampleCount());
            assertEquals(List.of(), recording.warnings());
        }
        String o = openBci();
        assertOpenBciRefused(withLine(o, 30, "\r\n" + o.split("\n")[29].replace("\r", "")),
                "line 30: empty line; blank lines are allowed only at the end of the file");
    }

    @Test
    void museTruncatedLastLineIsDroppedWithAWarning() throws IOException {
        String m = muse();
        String complete = m.substring(0, m.length() - 1);
        String body = complete.substring(0, complete.lastIndexOf('\n') + 1);
        try (MuseCsvRecording recording = MuseCsvRecording.open(write(body + "1486223115.593,124.512,30"))) {
            assertEquals(28, recording.stream().sampleCount());
            assertEquals(List.of("line 30, the last, has no line end and 3 of the 7 columns: dropped as truncated"),
                    recording.warnings());
            assertEquals(1486223115.589, readAll(recording, recording.stream(), 5).times()[27], 0.0);
        }
        try (MuseCsvRecording recording = MuseCsvRecording.open(write(body + "1486223115.593,124.512,30.273,32.227,64.941,2.930,"))) {
            assertEquals(28, recording.stream().sampleCount());
            assertEquals(List.of("line 30, the last, has no line end and its last value '' is incomplete: dropped as truncated"),
                    recording.warnings());
        }
        try (MuseCsvRecording recording = MuseCsvRecording.open(write(complete))) {
            assertEquals(29, recording.stream().sampleCount(), "a complete last line without a line end is kept");
            assertEquals(List.of(), recording.warnings());
        }
        assertMuseRefused(body + "1486223115.593,124.512,30\n", "line 30: 3 columns, but the header has 7");
        assertMuseRefused(body + "1486223115.593,124.512,30.273,32.227,64.941,2.930,0,0",
                "line 30: 8 columns, but the header has 7");
    }

    @Test
    void museCrLfReadsTheSame() throws IOException {
        try (MuseCsvRecording lf = MuseCsvRecording.open(fixture("muse-p300-head.csv"));
                MuseCsvRecording crlf = MuseCsvRecording.open(write(muse().replace("\n", "\r\n")))) {
            assertEquals(lf.stream(), crlf.stream());
            assertEquals(lf.markers(), crlf.markers());
            RecordingTestFiles.StreamData a = readAll(lf, lf.stream(), 8);
            RecordingTestFiles.StreamData b = readAll(crlf, crlf.stream(), 8);
            assertEquals(Arrays.toString(a.values()), Arrays.toString(b.values()));
            assertEquals(Arrays.toString(a.times()), Arrays.toString(b.times()));
        }
    }

    @Test
    void cursorReportsAFileChangedAfterOpen() throws IOException {
        String m = muse();
        Path file = write(m);
        try (MuseCsvRecording recording = MuseCsvRecording.open(file)) {
            Files.writeString(file, String.join("\n", Arrays.asList(m.split("\n")).subList(0, 20)) + "\n");
            double[] t = new double[64];
            float[] v = new float[64 * 5];
            try (SampleCursor cursor = recording.open(recording.stream())) {
                RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> cursor.read(t, v, 64));
                assertEquals(file + ": line 20: the file ends after 19 of the 29 samples counted when it was opened (changed since?)",
                        e.getMessage());
            }
            Files.writeString(file, withField(m, 3, 1, "NaN"), StandardCharsets.ISO_8859_1);
            try (SampleCursor cursor = recording.open(recording.stream())) {
                RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> cursor.read(t, v, 64));
                assertEquals(file + ": line 3: column 2 (TP9) is NaN; every value must be a finite number", e.getMessage());
            }
        }
    }

    @Test
    void openBciHeaderErrors() throws IOException {
        String o = openBci();
        assertOpenBciRefused("", "line 1: missing header: the file is empty; expected '%OpenBCI Raw EXG Data'");
        assertOpenBciRefused(withLine(o, 1, "%OpenBCI Raw EEG Data"),
                "line 1: missing header: found '%OpenBCI Raw EEG Data'; expected '%OpenBCI Raw EXG Data'");
        assertOpenBciRefused(withoutLine(o, 2),
                "line 4: missing header: no '%Number of channels = <n>' line before the column header");
        assertOpenBciRefused(withoutLine(o, 3),
                "line 4: missing header: no '%Sample Rate = <hertz> Hz' line before the column header");
        assertOpenBciRefused(withLine(o, 2, "%Number of channels = eight"),
                "line 2: 'Number of channels = eight' is not a channel count 1..1024");
        assertOpenBciRefused(withLine(o, 2, "%Number of channels = 0"),
                "line 2: 'Number of channels = 0' is not a channel count 1..1024");
        assertOpenBciRefused(withLine(o, 3, "%Sample Rate = 0 Hz"),
                "line 3: 'Sample Rate = 0 Hz' is not a sample rate 0.001..1000000 Hz");
        assertOpenBciRefused(withLine(o, 3, "%Sample Rate = NaN Hz"),
                "line 3: 'Sample Rate = NaN Hz' is not a sample rate 0.001..1000000 Hz");
        String headerOnly = String.join("\n", Arrays.asList(o.split("\n")).subList(0, 4)) + "\n";
        assertOpenBciRefused(headerOnly, "line 5: missing header: the file ends before the column header line");
        assertOpenBciRefused(withoutLine(o, 5), "line 5: missing header: found '0, 61379.36, 49492.89, -16597.06, -21309.75, "
                + "6703.91, -3284....'; expected the column header, starting with 'Sample Index'");
        assertOpenBciRefused(o.replace("EXG Channel 7,", "EXG Channel 9,"),
                "line 5: the column header has no 'EXG Channel 7' column for the 8 channels of the header");
        assertOpenBciRefused(o.replace(", Timestamp, ", ", Time, "), "line 5: the column header has no 'Timestamp' column");
    }

    @Test
    void openBciBadValues() throws IOException {
        String o = openBci();
        assertOpenBciRefused(withField(o, 8, 0, "300"), "line 8: column 1 (Sample Index) is 300, not a sample counter 0..255");
        assertOpenBciRefused(withField(o, 8, 0, "2.5"), "line 8: column 1 (Sample Index) is 2.5, not a sample counter 0..255");
        assertOpenBciRefused(withField(o, 8, 0, "-1"), "line 8: column 1 (Sample Index) is -1, not a sample counter 0..255");
        String line9 = o.split("\n")[8].replace("\r", "");
        assertOpenBciRefused(withLine(o, 9, line9.substring(0, line9.lastIndexOf(", 15579"))),
                "line 9: 22 columns, but the header has 25");
        assertOpenBciRefused(withField(o, 7, 4, " NaN"),
                "line 7: column 5 (EXG Channel 3) is NaN; every value must be a finite number");
        assertOpenBciRefused(withField(o, 7, 9, "x"), "line 7: column 10 (Accel Channel 0) is 'x', not a number");
        assertOpenBciRefused(withField(o, 7, 23, "-"), "line 7: column 24 (Marker Channel) is '-', not a number");
        assertOpenBciRefused(withField(o, 12, 22, " 1557936052351"), "line 12: time goes backwards: Timestamp 1557936052351 ms "
                + "is 1.000 s before the 1557936053351 ms of an earlier line (at most 0.100 s is tolerated as jitter)");
    }

    @Test
    void openBciTruncatedLastLineIsDroppedWithAWarning() throws IOException {
        String o = openBci();
        String complete = o.substring(0, o.length() - 2);
        String last = complete.substring(complete.lastIndexOf('\n') + 1);
        String body = complete.substring(0, complete.lastIndexOf('\n') + 1);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(write(body + last.substring(0, 40)))) {
            assertEquals(39, recording.stream().sampleCount());
            assertEquals(List.of("line 45, the last, has no line end and 5 of the 25 columns: dropped as truncated"),
                    recording.warnings());
            readAll(recording, recording.stream(), 7);
        }
        String cutAtComma = last.substring(0, last.lastIndexOf(',') + 1);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(write(body + cutAtComma))) {
            assertEquals(39, recording.stream().sampleCount());
            assertEquals(List.of("line 45, the last, has no line end and its last value '' is incomplete: dropped as truncated"),
                    recording.warnings());
        }
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(write(body + last.substring(0, last.length() - 3)))) {
            assertEquals(40, recording.stream().sampleCount(), "a cut inside the formatted time, which is not read, keeps the line");
            assertEquals(List.of(), recording.warnings());
        }
        assertOpenBciRefused(body + last.substring(0, 40) + "\r\n", "line 45: 5 columns, but the header has 25");
    }
}
