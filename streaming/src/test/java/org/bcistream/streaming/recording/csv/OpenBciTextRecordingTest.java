package org.bcistream.streaming.recording.csv;

import static org.bcistream.streaming.recording.csv.CsvTestFiles.OPENBCI;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.data;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.fixture;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.readAll;
import static org.bcistream.streaming.recording.csv.CsvTestFiles.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.RecordingTestFiles.StreamData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenBCI GUI text reader on the shared Cyton file and on fixtures with counter gaps and markers. */
class OpenBciTextRecordingTest {
    private static final List<String> EXG = IntStream.range(0, 8).mapToObj(c -> "EXG Channel " + c).toList();

    @TempDir
    Path dir;

    /**
     * A naive reading: split data lines (after the 5 header lines) at commas; the sample index (column 1) with
     * gaps counted mod 256, EXG columns 2-9, Timestamp column 23 (ms), Marker Channel column 24; and the
     * least-squares line of the time stamps (s, relative to the first) against the gap-aware position, fitted in two passes.
     */
    private record Naive(List<float[]> values, long[] positions, long[] stamps, List<String> markers, int gaps,
            long missing, double origin, double slope) {
        static Naive of(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            List<String> data = lines.subList(5, lines.size());
            List<float[]> values = new ArrayList<>();
            long[] positions = new long[data.size()];
            long[] stamps = new long[data.size()];
            List<String> markers = new ArrayList<>();
            int gaps = 0;
            long missing = 0;
            int previous = -1;
            for (int i = 0; i < data.size(); i++) {
                String[] f = data.get(i).split(",", -1);
                int index = Integer.parseInt(f[0].trim());
                if (i > 0) {
                    int step = ((index - previous) % 256 + 256) % 256;
                    step = step == 0 ? 256 : step;
                    if (step != 1) {
                        gaps++;
                        missing += step - 1;
                    }
                    positions[i] = positions[i - 1] + step;
                }
                previous = index;
                float[] v = new float[8];
                for (int c = 0; c < 8; c++) {
                    v[c] = Float.parseFloat(f[1 + c].trim());
                }
                values.add(v);
                stamps[i] = Long.parseLong(f[22].trim());
                if (Double.parseDouble(f[23].trim()) != 0) {
                    markers.add(f[23].trim());
                }
            }
            double mx = 0;
            double my = 0;
            for (int i = 0; i < stamps.length; i++) {
                mx += positions[i];
                my += (stamps[i] - stamps[0]) / 1000.0;
            }
            mx /= stamps.length;
            my /= stamps.length;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < stamps.length; i++) {
                sxx += (positions[i] - mx) * (positions[i] - mx);
                sxy += (positions[i] - mx) * ((stamps[i] - stamps[0]) / 1000.0 - my);
            }
            double slope = sxy / sxx;
            return new Naive(values, positions, stamps, markers, gaps, missing, stamps[0] / 1000.0 + my - slope * mx, slope);
        }
    }

    private static void assertSameAsNaive(OpenBciTextRecording recording, Naive naive, int chunk) throws IOException {
        RecordedStream s = recording.stream();
        assertEquals(naive.values().size(), s.sampleCount(), "sample count");
        assertEquals(naive.gaps(), recording.counterGapCount(), "counter gaps");
        assertEquals(naive.missing(), recording.missingSampleCount(), "missing samples");
        assertEquals(1 / naive.slope(), recording.effectiveRateHz(), 1e-9 / naive.slope(), "rate of the clock fit");
        StreamData read = readAll(recording, s, chunk);
        for (int i = 0; i < naive.values().size(); i++) {
            assertEquals(naive.origin() + naive.slope() * naive.positions()[i], read.times()[i], 1e-5, "time of sample " + i);
            float[] v = naive.values().get(i);
            for (int c = 0; c < 8; c++) {
                assertEquals(v[c], read.value(i, c), 0.0f, "sample " + i + " channel " + c);
            }
        }
        assertEquals(naive.markers(), recording.markers().stream().map(RecordedMarker::label).toList(), "marker labels");
    }

    @Test
    void cytonFileHasTheReadmeNumbers() throws IOException {
        Path file = data(OPENBCI);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(file)) {
            assertEquals("OpenBCI GUI text", recording.format());
            RecordedStream s = recording.stream();
            assertEquals(List.of(s), recording.streams());
            assertEquals("EXG", s.id());
            assertEquals("OpenBCI Cyton", s.name());
            assertEquals("EEG", s.type());
            assertEquals("OpenBCI_GUI$BoardCytonSerial", s.sourceId());
            assertEquals("OpenBCI_GUI$BoardCytonSerial", recording.board());
            assertEquals(8, s.channelCount());
            assertEquals(EXG, s.channelLabels());
            assertEquals(List.of("microvolts"), s.channelUnits().stream().distinct().toList());
            assertEquals(250.0, s.nominalRateHz());
            assertTrue(recording.counterChecked());
            // 22,495 lines (wc -l) minus 5 header lines
            assertEquals(22_490, s.sampleCount());
            assertEquals(250 * 89.8, s.sampleCount(), 250 * 0.2, "250 Hz x about 89.8 s");
            // awk over the sample index, (index - previous + 256) % 256 != 1: no gap in this file
            assertEquals(0, recording.counterGapCount());
            assertEquals(0, recording.missingSampleCount());
            // Timestamp column: 1557936053329 to 1557936143166 ms = 89.837 s; the fitted clock spans 89.839 s
            assertEquals(89.84, s.durationSeconds(), 0.005, "about 89.8 s");
            assertEquals(1557936053.327, s.firstTime(), 0.001);
            assertEquals(250.326, recording.effectiveRateHz(), 0.001, "the Cyton's clock against the computer's");
            assertEquals(List.of(), recording.markers(), "unannotated");
            assertEquals(List.of(), recording.warnings());
            Naive naive = Naive.of(file);
            assertEquals(89_837, naive.stamps()[naive.stamps().length - 1] - naive.stamps()[0]);
            StreamData read = readAll(recording, s, 1000);
            double worst = 0;
            for (int i = 0; i < naive.stamps().length; i++) {
                worst = Math.max(worst, Math.abs(read.times()[i] - naive.stamps()[i] / 1000.0));
            }
            // the GUI's stamps jitter around the fit by -6 ms .. +32 ms
            assertTrue(worst > 0.02 && worst < 0.035, "largest distance of a fitted time from its Timestamp: " + worst + " s");
            assertSameAsNaive(recording, naive, 4096);
        }
    }

    @Test
    void fixtureReadsLikeTheNaiveParseInAnyChunkSize() throws IOException {
        for (int chunk : new int[] {1, 7, 40, 100}) {
            try (OpenBciTextRecording recording = OpenBciTextRecording.open(fixture("openbci-head.txt"))) {
                assertEquals(40, recording.stream().sampleCount());
                assertSameAsNaive(recording, Naive.of(fixture("openbci-head.txt")), chunk);
            }
        }
    }

    /** The fixture's header and data lines with the sample index of data line {@code k} replaced by {@code indices[k]}. */
    private Path withIndices(String board, int... indices) throws IOException {
        String[] lines = text(fixture("openbci-head.txt")).split("\r\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            out.append(i == 3 ? "%Board = " + board : lines[i]).append("\r\n");
        }
        for (int k = 0; k < indices.length; k++) {
            String line = lines[5 + k];
            out.append(indices[k]).append(line.substring(line.indexOf(','))).append("\r\n");
        }
        Path file = dir.resolve("indices.txt");
        Files.writeString(file, out, StandardCharsets.ISO_8859_1);
        return file;
    }

    @Test
    void counterGapsAreReportedWithLinesAndMissingSamples() throws IOException {
        Path file = withIndices("OpenBCI_GUI$BoardCytonSerial", 250, 251, 252, 253, 254, 255, 1, 2, 5, 5, 6);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(file)) {
            assertEquals(11, recording.stream().sampleCount());
            assertEquals(3, recording.counterGapCount());
            assertEquals(1 + 2 + 255, recording.missingSampleCount());
            assertEquals(List.of(
                    "line 12: sample index jumps from 255 to 1; missing samples: 1",
                    "line 14: sample index jumps from 2 to 5; missing samples: 2",
                    "line 15: sample index jumps from 5 to 5; missing samples: 255"), recording.warnings());
            assertSameAsNaive(recording, Naive.of(file), 4);
            StreamData read = readAll(recording, recording.stream(), 11);
            long[] positions = {0, 1, 2, 3, 4, 5, 7, 8, 11, 267, 268};
            double perSample = 1 / recording.effectiveRateHz();
            for (int i = 1; i < positions.length; i++) {
                assertEquals((positions[i] - positions[i - 1]) * perSample, read.times()[i] - read.times()[i - 1], 1e-6,
                        "time step into sample " + i + " (Unix-time doubles resolve 0.24 us)");
            }
        }
    }

    @Test
    void moreThanTenGapsAreSummedUp() throws IOException {
        Path file = withIndices("OpenBCI_GUI$BoardCytonSerial", 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 25);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(file)) {
            assertEquals(12, recording.counterGapCount());
            assertEquals(13, recording.missingSampleCount());
            List<String> warnings = recording.warnings();
            assertEquals(11, warnings.size());
            assertEquals("line 7: sample index jumps from 0 to 2; missing samples: 1", warnings.get(0));
            assertEquals("line 16: sample index jumps from 18 to 20; missing samples: 1", warnings.get(9));
            assertEquals("sample index: 12 gaps in total, 13 samples missing (the first 10 are listed above)", warnings.get(10));
        }
    }

    @Test
    void otherBoardsAreNotCheckedForGaps() throws IOException {
        Path file = withIndices("OpenBCI_GUI$BoardGanglionBLE", 0, 2, 4, 6);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(file)) {
            assertFalse(recording.counterChecked());
            assertEquals("OpenBCI Ganglion", recording.stream().name());
            assertEquals(0, recording.counterGapCount());
            assertEquals(List.of("sample index not checked for gaps: the 0..255 counter rule is known for the 8-channel "
                    + "Cyton only (board 'OpenBCI_GUI$BoardGanglionBLE', 8 channels); every line is taken as the next sample"),
                    recording.warnings());
            StreamData read = readAll(recording, recording.stream(), 4);
            double perSample = 1 / recording.effectiveRateHz();
            assertEquals(3 * perSample, read.times()[3] - read.times()[0], 1e-6, "Unix-time doubles resolve 0.24 us");
        }
    }

    @Test
    void markersComeFromTheMarkerChannelAtTheirSampleTime() throws IOException {
        String[] lines = text(fixture("openbci-head.txt")).split("\r\n");
        lines[5 + 3] = lines[5 + 3].replaceFirst(",0, (12:00:53\\.\\d+)$", ",3, $1");
        lines[5 + 30] = lines[5 + 30].replaceFirst(",0, (12:00:53\\.\\d+)$", ",2.5, $1");
        Path file = dir.resolve("markers.txt");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(file)) {
            StreamData read = readAll(recording, recording.stream(), 40);
            assertEquals(List.of(
                    new RecordedMarker(read.times()[3], 0, "3", RecordedMarker.Kind.ANNOTATION, "Marker Channel"),
                    new RecordedMarker(read.times()[30], 0, "2.5", RecordedMarker.Kind.ANNOTATION, "Marker Channel")),
                    recording.markers());
        }
    }

    @Test
    void headerOnlyAndSingleSampleFilesUseTheNominalRate() throws IOException {
        String[] lines = text(fixture("openbci-head.txt")).split("\r\n");
        Path file = dir.resolve("one.txt");
        Files.writeString(file, String.join("\r\n", List.of(lines).subList(0, 6)) + "\r\n", StandardCharsets.ISO_8859_1);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(file)) {
            assertEquals(1, recording.stream().sampleCount());
            assertEquals(250.0, recording.effectiveRateHz(), 1e-9);
            assertEquals(1557936053.329, recording.stream().firstTime(), 1e-6);
            assertEquals(List.of(), recording.warnings());
        }
        Files.writeString(file, String.join("\r\n", List.of(lines).subList(0, 5)) + "\r\n", StandardCharsets.ISO_8859_1);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(file)) {
            assertEquals(0, recording.stream().sampleCount());
            assertEquals(List.of("no samples after the header"), recording.warnings());
            readAll(recording, recording.stream(), 3);
        }
    }

    @Test
    void constantTimestampsFallBackToTheNominalRate() throws IOException {
        String[] lines = text(fixture("openbci-head.txt")).split("\r\n");
        for (int i = 5; i < lines.length; i++) {
            lines[i] = lines[i].replaceFirst(", 15579360\\d+,", ", 1557936053329,");
        }
        Path file = dir.resolve("constant.txt");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.ISO_8859_1);
        try (OpenBciTextRecording recording = OpenBciTextRecording.open(file)) {
            assertEquals(250.0, recording.effectiveRateHz(), 1e-9);
            assertEquals(List.of("the Timestamp column never increases; times use the nominal 250 Hz from the first stamp"),
                    recording.warnings());
            assertEquals(1557936053.329, recording.stream().firstTime(), 1e-6);
            assertEquals(39 / 250.0, recording.stream().durationSeconds(), 1e-6);
        }
    }
}
