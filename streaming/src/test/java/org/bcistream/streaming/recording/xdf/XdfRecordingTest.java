package org.bcistream.streaming.recording.xdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;
import org.bcistream.streaming.recording.xdf.XdfStreamDetails.Segment;
import org.junit.jupiter.api.Test;

/**
 * The reader on the shared recordings, against the values of {@code shared/data/README.md} and of pyxdf
 * 1.17.5 (commit 8ceb102, run from source with its defaults; the values quoted with more digits than the
 * README come from that run).
 */
class XdfRecordingTest {
    /**
     * Agreement with pyxdf's synchronised stamps on clock_resets.xdf. pyxdf's Huber fit stops after 1000
     * ADMM iterations short of convergence, and its float64 rounding moves the result by about 1e-8 s (an
     * 80-bit evaluation of the same iterations differs from it by 8e-9 s); this reader's fit agrees with the
     * 80-bit one to 1e-13 s (see {@code XdfTimestamps.robustFit}).
     */
    private static final double PYXDF_SYNC_TOLERANCE = 2e-8;

    @Test
    void minimalInt16StreamIsSynchronisedAndDejittered() throws IOException {
        try (XdfRecording r = XdfRecording.open(XdfTestData.file("minimal.xdf"))) {
            assertEquals("XDF", r.format());
            assertEquals(1, r.streams().size());
            RecordedStream s = r.streams().get(0);
            assertEquals("0", s.id());
            assertEquals("SendDataC", s.name());
            assertEquals("EEG", s.type());
            assertEquals(3, s.channelCount());
            assertEquals(10.0, s.nominalRateHz());
            assertEquals(9, s.sampleCount());
            assertEquals(5.0, s.firstTime(), 1e-9);
            assertEquals(5.8, s.lastTime(), 1e-9);
            double[] t = new double[16];
            float[] v = new float[48];
            try (SampleCursor c = r.open(s)) {
                assertEquals(9, c.read(t, v, 16));
                assertEquals(-1, c.read(t, v, 16));
            }
            for (int i = 0; i < 9; i++) {
                assertEquals(5.0 + 0.1 * i, t[i], 1e-9, "time stamp " + i);
            }
            assertArrayEquals(new float[] {192, 255, 238, 12, 22, 32, 13, 23, 33, 14, 24, 34, 15, 25, 35, 12, 22, 32},
                    java.util.Arrays.copyOf(v, 18));
            XdfStreamDetails d = r.details("0");
            assertEquals(XdfChannelFormat.INT16, d.format());
            assertEquals(2, d.clockOffsetCount());
            assertEquals(List.of(new Segment(0, 8)), d.clockSegments());
            assertEquals(10.0, d.effectiveRateHz(), 1e-9);
        }
    }

    @Test
    void minimalStringStreamBecomesMarkersWithTheLongSample() throws IOException {
        try (XdfRecording r = XdfRecording.open(XdfTestData.file("minimal.xdf"))) {
            List<RecordedMarker> markers = r.markers();
            assertEquals(9, markers.size());
            List<String> labels = markers.stream().map(RecordedMarker::label).toList();
            String longOne = labels.get(0);
            assertEquals(321, longOne.length());
            assertTrue(longOne.startsWith("<?xml version=\"1.0\"?><info><writer>LabRecorder xdfwriter</writer>"), longOne);
            assertEquals(List.of("Hello", "World", "from", "LSL", "Hello", "World", "from", "LSL"), labels.subList(1, 9));
            for (int i = 0; i < 9; i++) {
                RecordedMarker m = markers.get(i);
                assertEquals("46202862", m.streamId());
                assertEquals(RecordedMarker.Kind.ANNOTATION, m.kind());
                // no clock offsets for this stream: its stamps stay as recorded (regular, so dejittering keeps them)
                assertEquals(5.1 + 0.1 * i, m.time(), 1e-9, "marker " + i);
            }
            XdfStreamDetails d = r.details("46202862");
            assertEquals(XdfChannelFormat.STRING, d.format());
            assertEquals(List.of(), d.clockSegments());
            assertEquals(List.of(new Segment(0, 8)), d.segments());
        }
    }

    @Test
    void minimalRawStampsAreTheExplicitAndDeducedOnes() throws IOException {
        try (XdfRecording r = XdfRecording.open(XdfTestData.file("minimal.xdf"), XdfOptions.RAW)) {
            double[] t = new double[9];
            try (SampleCursor c = r.open(r.streams().get(0))) {
                assertEquals(9, c.read(t, new float[27], 9));
            }
            // 4 explicit (5.1, 5.2, 5.6, 5.7?) and 5 deduced: each deduced one is the previous plus exactly 0.1
            for (int i = 0; i < 9; i++) {
                assertEquals(5.1 + 0.1 * i, t[i], 1e-12, "raw time stamp " + i);
            }
            assertEquals(List.of(), r.details("0").clockSegments());
            assertEquals(10.0, r.details("0").effectiveRateHz(), 1e-9);
        }
    }

    @Test
    void clockResetsSplitBioSemiIntoTwoClockSegments() throws IOException {
        try (XdfRecording r = XdfRecording.open(XdfTestData.file("clock_resets.xdf"))) {
            assertEquals(1, r.streams().size());
            RecordedStream s = r.streams().get(0);
            assertEquals("2", s.id());
            assertEquals("BioSemi", s.name());
            assertEquals("EEG", s.type());
            assertEquals("myuid34234", s.sourceId());
            assertEquals(8, s.channelCount());
            assertEquals(100.0, s.nominalRateHz());
            assertEquals(27815, s.sampleCount());
            assertEquals(810.029792, s.firstTime(), 1e-6);
            assertEquals(810.0297917608109, s.firstTime(), PYXDF_SYNC_TOLERANCE);
            assertEquals(1383.1842659544168, s.lastTime(), PYXDF_SYNC_TOLERANCE);
            XdfStreamDetails d = r.details("2");
            assertEquals(XdfChannelFormat.FLOAT32, d.format());
            assertEquals(115, d.clockOffsetCount());
            assertEquals(List.of(new Segment(0, 12875), new Segment(12876, 27814)), d.clockSegments());
            assertEquals(List.of(new Segment(0, 12875), new Segment(12876, 27814)), d.segments());
            assertEquals(92.934370, d.effectiveRateHz(), 1e-6);

            double[] t = new double[1000];
            float[] v = new float[8000];
            List<Double> wanted = new ArrayList<>();
            long total = 0;
            float[] first = null;
            float[] last = new float[8];
            try (SampleCursor c = r.open(s)) {
                int n;
                while ((n = c.read(t, v, 1000)) > 0) {
                    if (first == null) {
                        first = java.util.Arrays.copyOf(v, 8);
                    }
                    for (int i = 0; i < n; i++) {
                        long index = total + i;
                        if (index == 12875 || index == 12876) {
                            wanted.add(t[i]);
                        }
                    }
                    System.arraycopy(v, (n - 1) * 8, last, 0, 8);
                    total += n;
                }
            }
            assertEquals(27815, total);
            assertEquals(948.1160987438916, wanted.get(0), PYXDF_SYNC_TOLERANCE);
            assertEquals(1221.9948569409985, wanted.get(1), PYXDF_SYNC_TOLERANCE);
            assertArrayEquals(new float[] {0.14180786907672882f, 0.46287399530410767f, 0.35397639870643616f,
                0.21986308693885803f, 0.7605996131896973f, 0.32329848408699036f, 0.31239041686058044f, 0.8612179756164551f}, first);
            assertArrayEquals(new float[] {0.8726794719696045f, 0.06416607648134232f, 0.6837652325630188f,
                0.15336938202381134f, 0.30566009879112244f, 0.12347438931465149f, 0.7114375829696655f, 0.891636073589325f}, last);
            assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("stream 2: clock reset between ClockOffsets 81-82")),
                    r.warnings().toString());
        }
    }

    @Test
    void clockResetsMarkerStreamHasTwoClockSegments() throws IOException {
        try (XdfRecording r = XdfRecording.open(XdfTestData.file("clock_resets.xdf"))) {
            List<RecordedMarker> markers = r.markers();
            assertEquals(175, markers.size());
            XdfStreamDetails d = r.details("1");
            assertEquals("MyMarkerStream", d.name());
            assertEquals("Markers", d.type());
            assertEquals(175, d.sampleCount());
            assertEquals(List.of(new Segment(0, 90), new Segment(91, 174)), d.clockSegments());
            assertEquals(List.of(new Segment(0, 174)), d.segments());
            assertEquals(0.0, d.effectiveRateHz());
            // synced stamps are monotonic here, so time order is sample order
            assertEquals(812.9279042048147, markers.get(0).time(), PYXDF_SYNC_TOLERANCE);
            assertEquals(946.3535991422832, markers.get(90).time(), PYXDF_SYNC_TOLERANCE);
            assertEquals(1255.0969479024318, markers.get(91).time(), PYXDF_SYNC_TOLERANCE);
            assertEquals(1380.8194507223984, markers.get(174).time(), PYXDF_SYNC_TOLERANCE);
            assertEquals(List.of("XXX", "Test", "Blah", "Test", "Test-1-2-3"),
                    markers.subList(0, 5).stream().map(RecordedMarker::label).toList());
            assertEquals(6, markers.stream().map(RecordedMarker::label).collect(Collectors.toSet()).size());
        }
    }

    @Test
    void clockResetsWithoutSyncOrDejitterKeepRawStamps() throws IOException {
        try (XdfRecording r = XdfRecording.open(XdfTestData.file("clock_resets.xdf"), XdfOptions.RAW)) {
            RecordedStream s = r.streams().get(0);
            assertEquals(653150.379117, s.firstTime(), 1e-6);
            assertEquals(261.9267033, s.lastTime(), 1e-6);
            XdfStreamDetails d = r.details("2");
            assertEquals(-0.042601458, d.effectiveRateHz(), 1e-9);
            assertEquals(List.of(new Segment(0, 27814)), d.segments());
            assertEquals(List.of(), d.clockSegments());
        }
    }

    @Test
    void emptyStreamsKeepHeaderOrderAndValues() throws IOException {
        try (XdfRecording r = XdfRecording.open(XdfTestData.file("empty_streams.xdf"))) {
            assertEquals(List.of("3", "4", "1", "2"), r.details().stream().map(XdfStreamDetails::id).toList());
            assertEquals(List.of("3", "4"), r.streams().stream().map(RecordedStream::id).toList());
            assertEquals(0, r.details("3").sampleCount());
            assertEquals(0, r.details("2").sampleCount());
            assertEquals(XdfChannelFormat.STRING, r.details("2").format());
            assertEquals(List.of(), r.details("3").segments());

            RecordedStream empty = r.streams().get(0);
            assertEquals(0, empty.sampleCount());
            assertEquals(List.of("ch:00"), empty.channelLabels());
            try (SampleCursor c = r.open(empty)) {
                assertEquals(-1, c.read(new double[4], new float[4], 4));
            }

            RecordedStream counter = r.streams().get(1);
            assertEquals("Data stream: test stream 0 counter", counter.name());
            assertEquals(XdfChannelFormat.INT32, r.details("4").format());
            assertEquals(10, counter.sampleCount());
            double[] t = new double[10];
            float[] v = new float[10];
            try (SampleCursor c = r.open(counter)) {
                assertEquals(4, c.read(t, v, 4));
                assertEquals(6, c.read(java.util.Arrays.copyOfRange(t, 0, 10), new float[10], 10));
                assertEquals(-1, c.read(t, v, 10));
            }
            try (SampleCursor c = r.open(counter)) {
                assertEquals(10, c.read(t, v, 10));
            }
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, v);
            assertEquals(91725.21392546585, t[0], 1e-8);
            assertEquals(91734.21391809087, t[9], 1e-8);
            assertEquals(1.000000819, r.details("4").effectiveRateHz(), 1e-8);

            assertEquals(1, r.markers().size());
            RecordedMarker control = r.markers().get(0);
            assertEquals("{\"state\": 2}", control.label());
            assertEquals("1", control.streamId());
            assertEquals(91725.01399347662, control.time(), 1e-8);
        }
    }

    @Test
    void emptyStreamsRawCounterHasFiveExplicitAndFiveDeducedStamps() throws IOException {
        try (XdfRecording r = XdfRecording.open(XdfTestData.file("empty_streams.xdf"), XdfOptions.RAW)) {
            double[] t = new double[10];
            try (SampleCursor c = r.open(r.streams().get(1))) {
                assertEquals(10, c.read(t, new float[10], 10));
            }
            for (int i = 1; i < 10; i++) {
                assertEquals(1.0, t[i] - t[i - 1], 1e-6, "interval " + i);
            }
            assertEquals(91725.213947893, t[0], 1e-8);
        }
    }

    @Test
    void twoChannelStringMarkerIsJoinedAndSynced() throws IOException {
        try (XdfRecording r = XdfRecording.open(XdfTestData.file("twochannel_string_marker.xdf"))) {
            assertEquals(1, r.markers().size());
            RecordedMarker m = r.markers().get(0);
            assertEquals("Marker 0A" + XdfRecording.MARKER_CHANNEL_SEPARATOR + "Marker 0B", m.label());
            assertEquals("3735928559", m.streamId());
            assertEquals(16.9, m.time(), 1e-9);
            RecordedStream s = r.streams().get(0);
            assertEquals("46202862", s.id());
            assertEquals(64, s.channelCount());
            assertEquals(XdfChannelFormat.DOUBLE64, r.details("46202862").format());
            assertEquals(16.9, s.firstTime(), 1e-9);
            double[] t = new double[1];
            float[] v = new float[64];
            java.util.Arrays.fill(v, Float.NaN);
            try (SampleCursor c = r.open(s)) {
                assertEquals(1, c.read(t, v, 1));
            }
            assertEquals(16.9, t[0], 1e-9);
            assertArrayEquals(new float[64], v);
            assertEquals(0.0, r.details("3735928559").effectiveRateHz());
        }
    }

    @Test
    void chunkLengthLieFailsCleanlyNamingFileOffsetAndNumbers() {
        Path file = XdfTestData.file("chunk_length_lie.xdf");
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> XdfRecording.open(file));
        assertEquals(file + ": byte offset 64: StreamHeader chunk (tag 2) declares 2 bytes, fewer than its tag and stream id (6)",
                e.getMessage());
    }

    @Test
    void cursorOnlyOpensStreamsOfThisRecording() throws IOException {
        XdfRecording r = XdfRecording.open(XdfTestData.file("minimal.xdf"));
        RecordedStream other = new RecordedStream("46202862", "SendDataString", "", 1, 10, List.of(), List.of(), 9, 5.1, 5.9, "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.open(other));
        assertTrue(e.getMessage().contains("its numeric streams are [0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.details("7"));
        r.close();
        assertThrows(IOException.class, () -> r.open(r.streams().get(0)));
    }

    @Test
    void everySharedFileOpensOrFailsWithAFormatException() throws IOException {
        Path folder = XdfTestData.file("minimal.xdf").getParent();
        try (var files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xdf")).sorted().toList()) {
                if (p.getFileName().toString().equals("chunk_length_lie.xdf")) {
                    assertThrows(RecordingFormatException.class, () -> XdfRecording.open(p));
                    continue;
                }
                try (XdfRecording r = XdfRecording.open(p)) {
                    for (RecordedStream s : r.streams()) {
                        try (SampleCursor c = r.open(s)) {
                            long n = 0;
                            int got;
                            double[] t = new double[256];
                            float[] v = new float[256 * s.channelCount()];
                            while ((got = c.read(t, v, 256)) > 0) {
                                n += got;
                            }
                            assertEquals(s.sampleCount(), n, p + " stream " + s.id());
                        }
                    }
                }
            }
        }
    }
}
