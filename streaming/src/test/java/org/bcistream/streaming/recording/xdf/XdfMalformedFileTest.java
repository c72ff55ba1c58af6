package org.bcistream.streaming.recording.xdf;

import static org.bcistream.streaming.recording.xdf.XdfBytes.concat;
import static org.bcistream.streaming.recording.xdf.XdfBytes.header;
import static org.bcistream.streaming.recording.xdf.XdfBytes.le32;
import static org.bcistream.streaming.recording.xdf.XdfBytes.le64;
import static org.bcistream.streaming.recording.xdf.XdfBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;
import org.bcistream.streaming.recording.xdf.XdfStreamDetails.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that break the format fail with a message naming the file, offset and numbers; truncation warns. */
class XdfMalformedFileTest {
    @TempDir
    Path dir;

    private Path file(XdfBytes bytes) throws IOException {
        return bytes.write(dir.resolve("bad.xdf"));
    }

    private String failure(XdfBytes bytes) throws IOException {
        Path p = file(bytes);
        String message = assertThrows(RecordingFormatException.class, () -> XdfRecording.open(p)).getMessage();
        assertTrue(message.startsWith(p + ": "), message);
        return message.substring(p.toString().length() + 2);
    }

    private static void assertContains(String message, String fragment) {
        assertTrue(message.contains(fragment), () -> "'" + message + "' does not contain '" + fragment + "'");
    }

    private static XdfBytes oneStream() {
        return XdfBytes.file().streamHeader(7, header("float32", 1, 100));
    }

    @Test
    void notAnXdfFile() throws IOException {
        assertEquals("byte offset 0: not an XDF file: it starts with [69, 68, 70, 43], not the magic 'XDF:' [88, 68, 70, 58]",
                failure(new XdfBytes().raw(utf8("EDF+ header"))));
        assertTrue(failure(new XdfBytes().raw(utf8("XD"))).startsWith("byte offset 0: not an XDF file"));
    }

    @Test
    void fileHeaderMustBeCompleteAndFirst() throws IOException {
        assertEquals("byte offset 4: the file (4 bytes) ends before its FileHeader chunk is complete",
                failure(new XdfBytes().raw(Xdf.MAGIC)));
        assertEquals("byte offset 4: the first chunk is a Boundary chunk (tag 5); an XDF file starts with its FileHeader (tag 1)",
                failure(new XdfBytes().raw(Xdf.MAGIC).boundary()));
        assertEquals("byte offset 64: a second FileHeader chunk (chunk 2); XDF has exactly one, first",
                failure(XdfBytes.file().chunk(Xdf.TAG_FILE_HEADER, null, utf8(XdfBytes.FILE_HEADER))));
    }

    @Test
    void lengthWidthsOtherThanOneFourEight() throws IOException {
        assertEquals("byte offset 64: chunk 2 has a length width of 2 bytes; XDF allows 1, 4 or 8",
                failure(XdfBytes.file().raw((byte) 2, (byte) 18, (byte) 0)));
    }

    @Test
    void chunkShorterThanItsTagOrId() throws IOException {
        assertEquals("byte offset 64: chunk declares 1 bytes, fewer than its 2-byte tag",
                failure(XdfBytes.file().raw((byte) 1, (byte) 1, (byte) 5, (byte) 0)));
        assertEquals("byte offset 64: Samples chunk (tag 3) declares 4 bytes, fewer than its tag and stream id (6)",
                failure(XdfBytes.file().raw((byte) 1, (byte) 4, (byte) 3, (byte) 0, (byte) 0, (byte) 0)));
    }

    @Test
    void impossibleSampleCountIsRefusedBeforeAnyAllocation() throws IOException {
        byte[] sample = concat(new byte[] {8}, le64(1.0), new byte[] {0, 0, 0, 0});
        byte[] count32 = {4, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertContains(failure(oneStream().chunk(Xdf.TAG_SAMPLES, 7, concat(count32, sample))),
                "byte offset 242: Samples chunk of stream 7 declares 4294967295 samples, but its 13 bytes of samples hold at most 2"
                        + " (1 channels of float32 need at least 5 bytes each)");
        byte[] count64 = {8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertContains(failure(oneStream().chunk(Xdf.TAG_SAMPLES, 7, concat(count64, sample))),
                "declares more than 2^63 samples, but its 13 bytes of samples hold at most 2");
    }

    @Test
    void samplesMustFillTheirChunkExactly() throws IOException {
        byte[] content = concat(new byte[] {1, 1, 8}, le64(1.0), new byte[] {0, 0, 0, 0, 9, 9});
        String message = failure(oneStream().chunk(Xdf.TAG_SAMPLES, 7, content));
        assertTrue(message.endsWith("Samples chunk of stream 7 ends at byte offset " + (Files.size(dir.resolve("bad.xdf")))
                + " but its 1 samples end at " + (Files.size(dir.resolve("bad.xdf")) - 2)), message);
    }

    @Test
    void timeStampSizeMustBeZeroOrEight() throws IOException {
        byte[] content = concat(new byte[] {1, 1, 4}, le32(1), new byte[] {0, 0, 0, 0});
        assertContains(failure(oneStream().chunk(Xdf.TAG_SAMPLES, 7, content)), "has time stamp size 4; XDF allows 0 or 8");
        byte[] nan = concat(new byte[] {1, 1, 8}, le64(Double.NaN), new byte[] {0, 0, 0, 0});
        assertContains(failure(oneStream().chunk(Xdf.TAG_SAMPLES, 7, nan)), "has time stamp NaN");
    }

    @Test
    void stringLongerThanItsChunk() throws IOException {
        XdfBytes b = XdfBytes.file().streamHeader(1, header("string", 1, 0));
        byte[] content = concat(new byte[] {1, 1, 8}, le64(2.0), new byte[] {4}, le32(1000), utf8("abc"));
        String message = failure(b.chunk(Xdf.TAG_SAMPLES, 1, content));
        assertTrue(message.contains("sample 0 channel 0 of stream 1 declares a string of 1000 bytes; its chunk has 3 bytes left"), message);
    }

    @Test
    void chunksOfUnknownStreamsAndRepeatedHeaders() throws IOException {
        assertContains(failure(oneStream().clockOffset(8, 1, 0)), "ClockOffset chunk for stream 8, which has no StreamHeader before it (streams so far: [7])");
        assertContains(failure(oneStream().streamHeader(7, header("float32", 1, 100))), "a second StreamHeader for stream 7");
        assertContains(failure(oneStream().chunk(Xdf.TAG_CLOCK_OFFSET, 7, le64(1))),
                "ClockOffset chunk of stream 7 declares 14 bytes; it has 22 (tag, id, two doubles)");
        assertContains(failure(oneStream().clockOffset(7, Double.POSITIVE_INFINITY, 0)), "collection time Infinity and offset 0.0");
        assertContains(failure(oneStream().chunk(Xdf.TAG_BOUNDARY, null, new byte[16])), "Boundary chunk has signature");
    }

    @Test
    void headerFieldsAreValidated() throws IOException {
        assertContains(failure(XdfBytes.file().streamHeader(3, header("float16", 1, 100))),
                "StreamHeader of stream 3: channel format 'float16' is not one of [int8, int16, int32, int64, float32, double64, string]");
        assertContains(failure(XdfBytes.file().streamHeader(3, header("float32", 0, 100))),
                "StreamHeader of stream 3 has channel_count '0'; it must be an integer from 1 to 1048576");
        assertContains(failure(XdfBytes.file().streamHeader(3, header("float32", 1, -5))), "has nominal_srate '-5.0'");
        assertContains(failure(XdfBytes.file().streamHeader(3, "<info><channel_count>1</channel_count></info>")),
                "StreamHeader of stream 3 has no <channel_format>");
        assertContains(failure(XdfBytes.file().streamHeader(3, "<stream/>")),
                "the StreamHeader of stream 3 XML has root element <stream>; XDF requires <info>");
    }

    @Test
    void xmlThatIsNotWellFormedOrHostileIsRefused() throws IOException {
        assertContains(failure(XdfBytes.file().streamHeader(3, "<info><name>x</info>")),
                "the StreamHeader of stream 3 XML (20 bytes) is not well-formed or not allowed");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE info [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><info><name>&c;</name></info>";
        assertContains(failure(XdfBytes.file().streamHeader(3, laughs)), "DOCTYPE");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE info [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><info><name>&x;</name></info>";
        assertContains(failure(XdfBytes.file().streamHeader(3, external)), "DOCTYPE");
        String deep = "<info>" + "<a>".repeat(100) + "</a>".repeat(100) + "</info>";
        assertContains(failure(XdfBytes.file().streamHeader(3, deep)), "exceeds the limit \"64\" set by \"maxElementDepth\"");
        assertContains(failure(new XdfBytes().raw(Xdf.MAGIC).chunk(Xdf.TAG_FILE_HEADER, null, utf8("<info"))),
                "byte offset 8: the FileHeader XML (5 bytes) is not well-formed");
    }

    @Test
    void unknownTagsAreSkippedWithAWarning() throws IOException {
        int unknownAt = oneStream().bytes().length;
        Path p = file(oneStream().chunk(77, null, new byte[5]).chunk(77, null, new byte[0])
                .floatSamples(7, new double[] {1.0, 1.01}, new float[] {3, 4}));
        try (XdfRecording r = XdfRecording.open(p, XdfOptions.RAW)) {
            assertEquals(2, r.streams().get(0).sampleCount());
            assertEquals(List.of("skipped 2 chunk(s) with unknown tag 77 (the first at byte offset " + unknownAt + ")"), r.warnings());
        }
    }

    @Test
    void truncatedFileOpensWithTheCompleteChunksAndAWarning() throws IOException {
        byte[] whole = oneStream().floatSamples(7, new double[] {1.0, 1.01}, new float[] {3, 4})
                .floatSamples(7, new double[] {1.02, 1.03}, new float[] {5, 6}).bytes();
        int secondChunk = whole.length - 39; // 1 width + 1 length + 37: tag, id, count (5), 2 x (1 + 8 + 4)
        for (int cut = secondChunk; cut < whole.length; cut++) {
            Path p = Files.write(dir.resolve("cut.xdf"), Arrays.copyOf(whole, cut));
            try (XdfRecording r = XdfRecording.open(p, XdfOptions.RAW)) {
                if (cut == secondChunk) {
                    assertEquals(List.of(), r.warnings());
                } else {
                    String tag = cut >= secondChunk + 4 ? "Samples chunk (tag 3)" : "chunk (tag not present)";
                    String length = cut >= secondChunk + 2 ? "declares 37 bytes after its length field" : "length field incomplete";
                    long present = cut >= secondChunk + 2 ? cut - secondChunk - 2 : cut - secondChunk;
                    assertEquals(List.of("file truncated: it ends inside the " + tag + " at byte offset " + secondChunk + " (" + length
                            + ", " + present + " present); the 3 complete chunks before it were read, the cut chunk was ignored"),
                            r.warnings(), "cut at " + cut);
                }
                assertEquals(2, r.streams().get(0).sampleCount());
                double[] t = new double[4];
                float[] v = new float[4];
                try (SampleCursor c = r.open(r.streams().get(0))) {
                    assertEquals(2, c.read(t, v, 4));
                }
                assertEquals(1.01, t[1]);
                assertEquals(4f, v[1]);
            }
        }
    }

    @Test
    void aLengthPastTheEndIsTreatedAsTruncationWithoutAllocating() throws IOException {
        Path p = file(oneStream().raw((byte) 8).raw(le64(Double.longBitsToDouble(0x7FFF_FFFF_FFFF_0000L))).raw((byte) 3, (byte) 0));
        try (XdfRecording r = XdfRecording.open(p)) {
            assertEquals(1, r.warnings().size());
            assertTrue(r.warnings().get(0).startsWith("file truncated: it ends inside the Samples chunk (tag 3) at byte offset "), r.warnings().get(0));
        }
    }

    @Test
    void channelDescriptionsThatDoNotMatchTheCountAreDropped() throws IOException {
        String xml = "<info><name>S</name><channel_count>2</channel_count><nominal_srate>10</nominal_srate><channel_format>int8"
                + "</channel_format><desc><channels><channel><label>Cz</label></channel></channels></desc></info>";
        try (XdfRecording r = XdfRecording.open(file(XdfBytes.file().streamHeader(1, xml)))) {
            assertEquals(List.of(), r.streams().get(0).channelLabels());
            assertEquals(List.of("stream 1: the header describes 1 channels in desc/channels but declares channel_count 2; labels and units ignored"),
                    r.warnings());
        }
    }

    @Test
    void streamsThatCanDropSamplesAreNotDejittered() throws IOException {
        String xml = "<info><channel_count>1</channel_count><nominal_srate>100</nominal_srate><channel_format>float32</channel_format>"
                + "<desc><synchronization><can_drop_samples>true</can_drop_samples></synchronization></desc></info>";
        double[] stamps = {1.0, 1.011, 1.019, 1.05};
        try (XdfRecording r = XdfRecording.open(file(XdfBytes.file().streamHeader(1, xml).floatSamples(1, stamps, new float[4])))) {
            double[] t = new double[4];
            try (SampleCursor c = r.open(r.streams().get(0))) {
                c.read(t, new float[4], 4);
            }
            assertEquals(Arrays.toString(stamps), Arrays.toString(t));
            assertEquals(3 / 0.05, r.details("1").effectiveRateHz(), 1e-9);
            assertEquals(List.of(new Segment(0, 3)), r.details("1").segments());
        }
    }

    @Test
    void corruptedLastClockOffsetWithSurplusSamplesIsDropped() throws IOException {
        XdfBytes b = XdfBytes.file().streamHeader(1, header("float32", 1, 10));
        for (int k = 0; k < 5; k++) {
            b.clockOffset(1, 5.0 * k, 0.5);
        }
        b.clockOffset(1, 1000, 99);
        double[] stamps = new double[12];
        for (int i = 0; i < 12; i++) {
            stamps[i] = 0.1 * i;
        }
        b.floatSamples(1, stamps, new float[12]);
        b.chunk(Xdf.TAG_STREAM_FOOTER, 1, utf8("<info><sample_count>10</sample_count></info>"));
        try (XdfRecording r = XdfRecording.open(file(b))) {
            assertEquals(10, r.streams().get(0).sampleCount());
            assertEquals(5, r.details("1").clockOffsetCount());
            assertEquals(0.5, r.streams().get(0).firstTime(), 1e-9);
            assertEquals(List.of("stream 1: 12 samples where the footer counts 10, and the last of 6 ClockOffsets (time 1000.0, offset 99.0)"
                    + " is anomalous (pylsl#67, liblsl#246): dropped that offset and the 2 surplus samples"), r.warnings());
        }
        try (XdfRecording r = XdfRecording.open(file(b), XdfOptions.RAW)) {
            assertEquals(12, r.streams().get(0).sampleCount());
        }
    }
}
