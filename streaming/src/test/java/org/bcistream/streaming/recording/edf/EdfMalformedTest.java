package org.bcistream.streaming.recording.edf;

import static org.bcistream.streaming.recording.edf.EdfFixturesTest.assertMessage;
import static org.bcistream.streaming.recording.edf.EdfTestFiles.fixture;
import static org.bcistream.streaming.recording.edf.EdfTestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad headers, truncated data and malformed TALs, made by patching the fixtures. Layout of
 * {@code discontinuous.edf}: 4 signals, header 1280 bytes, records of 110 bytes (Sig A 20, Sig B 20, Slow
 * 10, annotations 60). Per-signal fields start at 256 + 4 x (sum of the widths before them).
 */
class EdfMalformedTest {
    private static final int NS = 4;
    private static final int DIGITAL_MIN = 256 + NS * (16 + 80 + 8 + 8 + 8);
    private static final int SAMPLES_PER_RECORD = 256 + NS * (16 + 80 + 8 + 8 + 8 + 8 + 8 + 80);
    private static final int PHYSICAL_MIN = 256 + NS * (16 + 80 + 8);
    private static final int LABEL = 256;
    private static final int HEADER = 1280;
    private static final int RECORD = 110;

    @TempDir
    Path dir;

    private byte[] discontinuous() throws IOException {
        return Files.readAllBytes(fixture("discontinuous.edf"));
    }

    private static void put(byte[] file, int offset, int width, String text) {
        byte[] ascii = String.format("%-" + width + "s", text).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, file, offset, width);
    }

    private RecordingFormatException fails(byte[] bytes) throws IOException {
        Path p = dir.resolve("bad.edf");
        Files.write(p, bytes);
        return assertThrows(RecordingFormatException.class, () -> EdfRecording.open(p).close());
    }

    private EdfRecording opens(byte[] bytes) throws IOException {
        Path p = dir.resolve("odd.edf");
        Files.write(p, bytes);
        return EdfRecording.open(p);
    }

    @Test
    void fixedHeaderFields() throws IOException {
        assertMessage(fails(Arrays.copyOf(discontinuous(), 200)), "bad.edf", "200 bytes, shorter than the 256-byte");
        byte[] b = discontinuous();
        put(b, 0, 8, "1");
        assertMessage(fails(b), "byte 0 (version)", "'1       '");
        b = discontinuous();
        put(b, 184, 8, "1281");
        assertMessage(fails(b), "header byte 184 (header bytes)", "1281", "256 x (4 + 1) = 1280");
        b = discontinuous();
        put(b, 236, 8, "4x");
        assertMessage(fails(b), "header byte 236 (number of data records)", "'4x      ' is not an integer");
        b = discontinuous();
        put(b, 236, 8, "0");
        assertMessage(fails(b), "header byte 236", "0; must be > 0, or -1");
        b = discontinuous();
        put(b, 244, 8, "-1");
        assertMessage(fails(b), "header byte 244 (record duration)", "-1.0 s");
        b = discontinuous();
        put(b, 244, 8, "0");
        assertMessage(fails(b), "header byte 244", "only annotation-only files may use 0");
        b = discontinuous();
        put(b, 244, 8, "1e3");
        assertMessage(fails(b), "header byte 244", "'1e3     ' is not a finite decimal number");
        b = discontinuous();
        put(b, 252, 4, "0");
        assertMessage(fails(b), "header byte 252 (number of signals)", "0 signals");
        b = discontinuous();
        put(b, 252, 4, "9999");
        put(b, 184, 8, "2560000");
        assertMessage(fails(b), "header truncated", "9999 signals need a 2560000-byte header, the file has 1720 bytes");
    }

    @Test
    void signalFields() throws IOException {
        byte[] b = discontinuous();
        put(b, DIGITAL_MIN + 8, 8, "2000");
        assertMessage(fails(b), "header byte " + (DIGITAL_MIN + 8), "digital minimum of signal 1 'Sig B'", "digital range 2000..2000");
        b = discontinuous();
        put(b, DIGITAL_MIN, 8, "-40000");
        assertMessage(fails(b), "signal 0 'Sig A'", "-40000..1000", "within -32768..32767 for 16-bit samples");
        b = discontinuous();
        put(b, SAMPLES_PER_RECORD + 2 * 8, 8, "0");
        assertMessage(fails(b), "header byte " + (SAMPLES_PER_RECORD + 16), "samples per record of signal 2 'Slow'", "0 samples per record");
        b = discontinuous();
        put(b, SAMPLES_PER_RECORD, 8, "99999999");
        assertMessage(fails(b), "data records of 200000088 bytes", "at most 67108864");
        b = discontinuous();
        put(b, PHYSICAL_MIN + 8, 8, "1");
        assertMessage(fails(b), "physical minimum of signal 1 'Sig B'", "both 1.0");
        b = discontinuous();
        put(b, PHYSICAL_MIN, 8, "--5");
        assertMessage(fails(b), "header byte " + PHYSICAL_MIN, "'--5' is not a finite decimal number");
    }

    @Test
    void truncatedDataOpensWithTheCompleteRecordsAndAWarning() throws IOException {
        byte[] full = discontinuous();
        try (EdfRecording rec = opens(Arrays.copyOf(full, HEADER + 2 * RECORD + 37))) {
            assertEquals(2, rec.recordCount());
            assertEquals(List.of(rec.path() + ": truncated: the header declares 4 data records of 110 bytes, but 257 bytes follow "
                    + "the 1280-byte header; read 2 complete records, ignored a partial record of 37 bytes; 2 records (183 bytes) "
                    + "missing"), rec.warnings());
            RecordedStream fast = rec.streams().get(0);
            assertEquals(20, fast.sampleCount());
            assertEquals(1.9, fast.lastTime(), 1e-12);
            assertEquals(20, readAll(rec, fast, 6).times().length);
            assertEquals(1, rec.markers().size(), "markers of the complete records only");
        }
        try (EdfRecording rec = opens(Arrays.copyOf(full, HEADER))) {
            assertEquals(0, rec.recordCount());
            assertEquals(0, rec.streams().get(0).sampleCount());
            assertEquals(0, readAll(rec, rec.streams().get(0), 6).times().length);
            assertMessage(new Exception(rec.warnings().get(0)), "read 0 complete records", "4 records (440 bytes) missing");
        }
    }

    @Test
    void unknownRecordCountAndTrailingBytesAreWarnings() throws IOException {
        byte[] b = discontinuous();
        put(b, 236, 8, "-1");
        try (EdfRecording rec = opens(Arrays.copyOf(b, b.length + 50))) {
            assertEquals(4, rec.recordCount());
            assertEquals(List.of(rec.path() + ": header byte 236: number of data records is -1 (unknown); 4 complete records of 110 "
                    + "bytes taken from the file size, a partial record of 50 bytes ignored"), rec.warnings());
        }
        try (EdfRecording rec = opens(Arrays.copyOf(discontinuous(), HEADER + 4 * RECORD + 3))) {
            assertEquals(4, rec.recordCount());
            assertEquals(List.of(rec.path() + ": 3 bytes after the last of the 4 data records (byte 1720 on) ignored"), rec.warnings());
        }
        b = discontinuous();
        put(b, 168, 8, "31.02.20");
        try (EdfRecording rec = opens(b)) {
            assertEquals(null, rec.header().startDateTime());
            assertMessage(new Exception(rec.warnings().get(0)), "start date '31.02.20' and time '12.00.00'");
        }
    }

    @Test
    void discontinuousFilesNeedTheirTimeKeeping() throws IOException {
        byte[] b = discontinuous();
        put(b, LABEL + 3 * 16, 16, "EDF Annotationz");
        assertMessage(fails(b), "header byte 192 (reserved): EDF+D", "none of the 4 signals is an annotation signal");
        b = discontinuous();
        Arrays.fill(b, HEADER + RECORD + 50, HEADER + 2 * RECORD, (byte) 0);
        assertMessage(fails(b), "record 1: no time-keeping TAL in its annotation block at byte 1440");
    }

    @Test
    void malformedTalsNameTheirByteOffset() throws IOException {
        int block = HEADER + RECORD + 50;
        byte[] b = discontinuous();
        Arrays.fill(b, block, block + 60, (byte) 'x');
        b[block] = '+';
        b[block + 1] = '1';
        b[block + 2] = 0x14;
        b[block + 59] = 0x14;
        assertMessage(fails(b), "malformed TAL at byte " + block, "not closed by 0x00 before the end of the annotation block");
        b = discontinuous();
        writeBlock(b, block, "+1\u0014abc\u0000");
        assertMessage(fails(b), "malformed TAL at byte " + (block + 3), "annotation text is not closed by 0x14");
        b = discontinuous();
        writeBlock(b, block, "+1\u0015-2\u0014\u0014\u0000");
        assertMessage(fails(b), "malformed TAL at byte " + (block + 3), "duration '-2' is not a decimal number of seconds");
        b = discontinuous();
        writeBlock(b, block, "+1.\u0014\u0014\u0000");
        assertMessage(fails(b), "malformed TAL at byte " + block, "onset '+1.'");
        b = discontinuous();
        writeBlock(b, block, "+1\u0000");
        assertMessage(fails(b), "malformed TAL at byte " + block, "onset is not followed by 0x14");
    }

    private static void writeBlock(byte[] file, int offset, String tal) {
        Arrays.fill(file, offset, offset + 60, (byte) 0);
        byte[] bytes = tal.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, file, offset, bytes.length);
    }

    @Test
    void aMissingFileIsNotAFormatError() {
        assertThrows(NoSuchFileException.class, () -> EdfRecording.open(dir.resolve("absent.edf")));
    }
}
