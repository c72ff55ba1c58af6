package org.bcistream.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bcistream.streaming.recording.xdf.XdfChannelFormat;
import org.bcistream.streaming.recording.xdf.XdfStreamDescription;
import org.bcistream.streaming.recording.xdf.XdfWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path tmp;

    /** 3 channels at 100 Hz for 2 s from t = 50 s, and three markers (one very long). */
    private Path recording() throws Exception {
        Path file = tmp.resolve("small.xdf");
        try (XdfWriter w = XdfWriter.create(file)) {
            int eeg = w.addStream(XdfStreamDescription.of("Amp", "EEG", 3, 100, XdfChannelFormat.FLOAT32)
                    .withChannels(List.of("C3", "Cz", "C4"), List.of("microvolts", "microvolts", "microvolts"), List.of()));
            int cues = w.addStream(XdfStreamDescription.of("Cues", "Markers", 1, 0, XdfChannelFormat.STRING));
            double[] t = new double[200];
            for (int i = 0; i < t.length; i++) {
                t[i] = 50 + i / 100.0;
            }
            w.writeSamples(eeg, t, new float[600], 200);
            w.writeClockOffset(eeg, 50, 0);
            w.writeStrings(cues, new double[] {50.5, 51.0, 51.5}, new String[] {"left", "left", "x".repeat(300)}, 3);
        }
        return file;
    }

    @Test
    void tableShowsStreamsChannelsClockDetailsAndMarkerCounts() throws Exception {
        Path file = recording();
        CliRun run = CliRun.of("inspect", file.toString());
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.startsWith(file + ": XDF, " + String.format("%,d", Files.size(file)) + " bytes"), out);
        assertTrue(out.contains("  1                Amp                    EEG             3        100        200        1.990      50.000000      51.990000"), out);
        assertTrue(out.contains("channels of 1: C3, Cz, C4 [microvolts]"), out);
        assertTrue(out.contains("stream 1 (Amp, FLOAT32): 1 clock offsets, clock segments (0, 199), dejitter segments (0, 199), effective rate 100.000000 Hz"), out);
        assertTrue(out.contains("markers (3)"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(" +left +2")), out);
        // a long label is cut so the table stays readable
        assertTrue(out.contains("  " + "x".repeat(37) + "...      1"), out);
    }

    @Test
    void jsonHasTheSameFacts() throws Exception {
        CliRun run = CliRun.of("inspect", recording().toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("XDF", root.get("format").asText());
        assertEquals(200, root.at("/streams/0/sampleCount").asLong());
        assertEquals("Amp", root.at("/streams/0/name").asText());
        assertEquals(2, root.at("/markerCounts/left").asInt());
        assertEquals(100.0, root.at("/details/0/effectiveRateHz").asDouble(), 1e-9);
        assertEquals(0, root.at("/details/0/clockSegments/0/first").asLong());
        assertEquals(199, root.at("/details/0/clockSegments/0/last").asLong());
        assertEquals("Cues", root.at("/details/1/name").asText());
    }

    @Test
    void notARecordingIsExitTwoWithTheReason() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        CliRun run = CliRun.of("inspect", text.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("not a recording this engine reads"), run.err());
        CliRun missing = CliRun.of("inspect", tmp.resolve("absent.xdf").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("absent.xdf"), missing.err());
    }
}
