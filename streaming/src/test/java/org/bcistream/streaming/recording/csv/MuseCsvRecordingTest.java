package org.bcistream.streaming.recording.csv;

import static org.bcistream.streaming.recording.csv.CsvTestFiles.P300;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.SSVEP;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.data;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.fixture;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.SampleCursor;
import org.bcistream.streaming.recording.RecordingTestFiles.StreamData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The muse-lsl reader on the shared P300 and SSVEP files and on small fixtures. */
class MuseCsvRecordingTest {
    @TempDir
    Path dir;

    /** A naive reading of a muse-lsl file: split at commas, parse, keep the running maximum of the time stamps. */
    private record Naive(List<Double> times, List<float[]> values, List<String[]> markers, long adjusted) {
        static Naive of(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            String[] header = lines.get(0).split(",");
            List<Double> times = new ArrayList<>();
            List<float[]> values = new ArrayList<>();
            List<String[]> markers = new ArrayList<>();
            double latest = Double.NEGATIVE_INFINITY;
            long adjusted = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                double t = Double.parseDouble(f[0]);
                if (t < latest) {
                    adjusted++;
                    t = latest;
                }
                latest = t;
                times.add(t);
                float[] v = new float[5];
                for (int c = 0; c < 5; c++) {
                    v[c] = Float.parseFloat(f[1 + c]);
                }
                values.add(v);
                for (int m = 6; m < f.length; m++) {
                    if (Double.parseDouble(f[m]) != 0) {
                        markers.add(new String[] {f[m], header[m], Double.toString(t)});
                    }
                }
            }
            return new Naive(times, values, markers, adjusted);
        }
    }

    private static Map<String, Long> countByLabel(List<RecordedMarker> markers) {
        return markers.stream().collect(Collectors.groupingBy(RecordedMarker::label, TreeMap::new, Collectors.counting()));
    }

    private static void assertSameAsNaive(MuseCsvRecording recording, Naive naive, int chunk) throws IOException {
        RecordedStream stream = recording.stream();
        assertEquals(naive.times().size(), stream.sampleCount(), "sample count");
        StreamData read = readAll(recording, stream, chunk);
        for (int i = 0; i < naive.times().size(); i++) {
            assertEquals(naive.times().get(i), read.times()[i], 0.0, "time of sample " + i);
            float[] v = naive.values().get(i);
            for (int c = 0; c < 5; c++) {
                assertEquals(v[c], read.value(i, c), 0.0f, "sample " + i + " channel " + c);
            }
        }
        assertEquals(naive.markers().size(), recording.markers().size(), "marker count");
        for (int i = 0; i < naive.markers().size(); i++) {
            String[] m = naive.markers().get(i);
            RecordedMarker got = recording.markers().get(i);
            assertEquals(m[0], got.label(), "marker " + i + " label");
            assertEquals(m[1], got.streamId(), "marker " + i + " column");
            assertEquals(Double.parseDouble(m[2]), got.time(), 0.0, "marker " + i + " time");
        }
        assertEquals(naive.adjusted(), recording.adjustedTimestampCount(), "adjusted time stamps");
    }

    @Test
    void p300FileHasTheReadmeNumbers() throws IOException {
        try (MuseCsvRecording recording = MuseCsvRecording.open(data(P300))) {
            assertEquals("muse-lsl CSV", recording.format());
            RecordedStream s = recording.stream();
            assertEquals(List.of(s), recording.streams());
            assertEquals("Muse", s.id());
            assertEquals("Muse", s.name());
            assertEquals("EEG", s.type());
            assertEquals(List.of("TP9", "AF7", "AF8", "TP10", "Right AUX"), s.channelLabels());
            assertEquals(List.of("microvolts", "microvolts", "microvolts", "microvolts", "microvolts"), s.channelUnits());
            assertEquals(256.0, s.nominalRateHz());
            assertEquals(List.of("Marker"), recording.markerColumns());
            // 30,733 lines (wc -l) minus the header
            assertEquals(30_732, s.sampleCount());
            // first and last time stamps: head -2 | tail -1 and tail -1
            assertEquals(1486223115.483, s.firstTime(), 1e-9);
            assertEquals(1486223235.513, s.lastTime(), 1e-9);
            assertEquals(120.03, s.durationSeconds(), 1e-6, "about 120 s");
            assertEquals(256 * 120, s.sampleCount(), 256 * 0.1, "256 Hz x about 120 s");
            assertEquals(30_731 / 120.03, recording.effectiveRateHz(), 1e-6);
            assertEquals(256.03, recording.effectiveRateHz(), 0.01);
            assertEquals(Map.of("1", 165L, "2", 32L), countByLabel(recording.markers()));
            assertTrue(recording.markers().stream().allMatch(m -> m.kind() == RecordedMarker.Kind.ANNOTATION
                    && m.streamId().equals("Marker") && m.durationSeconds() == 0));
            assertEquals(1486223115.561, recording.markers().get(0).time(), 1e-9, "first marker, line 22");
            assertEquals(0, recording.adjustedTimestampCount());
            assertEquals(List.of(), recording.warnings());
            assertSameAsNaive(recording, Naive.of(data(P300)), 4096);
        }
    }

    @Test
    void ssvepFileHasTheReadmeNumbersOnTheLslClock() throws IOException {
        try (MuseCsvRecording recording = MuseCsvRecording.open(data(SSVEP))) {
            RecordedStream s = recording.stream();
            assertEquals(List.of("Marker0"), recording.markerColumns());
            assertEquals(30_732, s.sampleCount());
            assertEquals(213542.918, s.firstTime(), 1e-9, "LSL local clock, not Unix time");
            assertEquals(213662.960, s.lastTime(), 1e-9);
            assertEquals(120.042, s.durationSeconds(), 1e-6);
            assertEquals(256.00, recording.effectiveRateHz(), 0.01);
            assertEquals(Map.of("1", 14L, "2", 18L), countByLabel(recording.markers()));
            assertTrue(recording.markers().stream().allMatch(m -> m.streamId().equals("Marker0")));
            // awk -F, 'NR==2{mx=$1} NR>2{if($1<mx){c++; if(mx-$1>big)big=mx-$1; if(!f)f=NR} else mx=$1}': 74, 0.015, 3062
            assertEquals(74, recording.adjustedTimestampCount());
            assertEquals(List.of("74 time stamps step back by up to 0.015 s (first at line 3062); each was raised to the latest "
                    + "earlier stamp so that time never decreases"), recording.warnings());
            assertSameAsNaive(recording, Naive.of(data(SSVEP)), 1000);
        }
    }

    @Test
    void fixturesReadLikeTheNaiveParseInAnyChunkSize() throws IOException {
        for (String name : List.of("muse-p300-head.csv", "muse-ssvep-stepback.csv")) {
            for (int chunk : new int[] {1, 3, 29, 64}) {
                try (MuseCsvRecording recording = MuseCsvRecording.open(fixture(name))) {
                    assertSameAsNaive(recording, Naive.of(fixture(name)), chunk);
                }
            }
        }
    }

    @Test
    void smallStepsBackAreRaisedToTheLatestStamp() throws IOException {
        try (MuseCsvRecording recording = MuseCsvRecording.open(fixture("muse-ssvep-stepback.csv"))) {
            StreamData read = readAll(recording, recording.stream(), 16);
            // lines 9-12 (.872 .876 .880 .884) follow line 8's .886
            double[] expected = {213554.862, 213554.866, 213554.870, 213554.874, 213554.878, 213554.882, 213554.886,
                213554.886, 213554.886, 213554.886, 213554.886, 213554.888, 213554.892, 213554.896, 213554.900, 213554.904};
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], read.times()[i], 1e-9, "sample " + i);
            }
            assertEquals(4, recording.adjustedTimestampCount());
            assertEquals(List.of("4 time stamps step back by up to 0.014 s (first at line 9); each was raised to the latest "
                    + "earlier stamp so that time never decreases"), recording.warnings());
        }
    }

    @Test
    void severalMarkerColumnsEachGiveMarkers() throws IOException {
        Path file = dir.resolve("two-markers.csv");
        Files.writeString(file, "timestamps,TP9,AF7,AF8,TP10,Right AUX,Marker0,Marker1\r\n"
                + "10.000,1,2,3,4,5,0,0\r\n"
                + "10.004,1,2,3,4,5,7,0\r\n"
                + "10.008,1,2,3,4,5,0.5,-2\r\n");
        try (MuseCsvRecording recording = MuseCsvRecording.open(file)) {
            assertEquals(List.of("Marker0", "Marker1"), recording.markerColumns());
            assertEquals(3, recording.stream().sampleCount());
            List<RecordedMarker> expected = List.of(
                    new RecordedMarker(10.004, 0, "7", RecordedMarker.Kind.ANNOTATION, "Marker0"),
                    new RecordedMarker(10.008, 0, "0.5", RecordedMarker.Kind.ANNOTATION, "Marker0"),
                    new RecordedMarker(10.008, 0, "-2", RecordedMarker.Kind.ANNOTATION, "Marker1"));
            assertEquals(expected, recording.markers());
            StreamData read = readAll(recording, recording.stream(), 2);
            assertEquals(5f, read.value(2, 4));
            assertEquals(250.0, recording.effectiveRateHz(), 1e-9);
        }
    }

    @Test
    void headerWithoutMarkerColumnAndHeaderOnlyFile() throws IOException {
        Path file = dir.resolve("no-markers.csv");
        Files.writeString(file, "timestamps,TP9,AF7,AF8,TP10,Right AUX\n");
        try (MuseCsvRecording recording = MuseCsvRecording.open(file)) {
            assertEquals(List.of(), recording.markerColumns());
            assertEquals(0, recording.stream().sampleCount());
            assertTrue(Double.isNaN(recording.effectiveRateHz()));
            assertEquals(List.of("no samples after the header"), recording.warnings());
            readAll(recording, recording.stream(), 4);
        }
    }

    @Test
    void cursorContract() throws IOException {
        Path file = fixture("muse-p300-head.csv");
        MuseCsvRecording recording = MuseCsvRecording.open(file);
        {
            RecordedStream foreign = new RecordedStream("Muse", "Muse", "EEG", 5, 256, List.of(), List.of(), 3, 0, 1, "");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> recording.open(foreign));
            assertEquals(file + ": stream Muse is not the stream of this recording (Muse)", e.getMessage());
            SampleCursor cursor = recording.open(recording.stream());
            double[] t = new double[4];
            float[] v = new float[20];
            assertEquals(0, cursor.read(t, v, 0));
            IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> cursor.read(t, new float[19], 4));
            assertEquals("read of 4 samples x 5 channels into 4 time stamps and 19 values", small.getMessage());
            assertEquals(4, cursor.read(t, v, 4));
            assertEquals(-44.922f, v[0]);
            cursor.close();
            assertThrows(IllegalStateException.class, () -> cursor.read(t, v, 4));
            recording.close();
            assertThrows(IllegalStateException.class, () -> recording.open(recording.stream()));
        }
    }
}
