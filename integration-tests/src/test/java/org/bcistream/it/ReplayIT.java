package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded sessions replayed through the job as a user runs it: a PhysioNet EDF+ recording at full speed and
 * paced, and a live synthetic session recorded to XDF and replayed.
 */
class ReplayIT {
    private static final Path S001R04 = Path.of("../../shared/data/edf/S001R04.edf");

    @Test
    void edfReplayGivesTheSameFramesAtMaxSpeedAndAtFourTimesRealTime(@TempDir Path tmp) throws IOException {
        assumeTrue(Files.isRegularFile(S001R04), () -> "shared recording " + S001R04.toAbsolutePath().normalize() + " is missing");
        Path fast = tmp.resolve("max");
        Path paced = tmp.resolve("4x");
        String source = "file:" + S001R04.toAbsolutePath();
        // PhysioNet recorded in the US: 60 Hz mains
        Cli.run("run", "--source", source + ",pace=max", "--notch", "60", "--out", fast.toString(), "--quiet");
        long start = System.nanoTime();
        Cli.run("run", "--source", source + ",pace=4x", "--notch", "60", "--out", paced.toString(), "--quiet");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "S001R04.edf (125.0 s) replayed at 4x in %.1f s (a quarter is 31.2 s)%n", seconds);

        Cli.assertSameFiles(fast, paced);
        List<String> frames = Files.readAllLines(fast.resolve("S001R04/features.jsonl"));
        List<String> markers = Files.readAllLines(fast.resolve("S001R04/markers.jsonl"));
        // 125 s at 160 Hz, 1 s windows every 0.25 s: 497 windows, the first 20 train the normaliser
        assertEquals(477, frames.size());
        assertTrue(frames.get(0).contains("\"rows\":64,\"cols\":4"), frames.get(0));
        assertEquals(30, markers.size());
        assertEquals(8, markers.stream().filter(m -> m.contains("\"label\":\"T1\"")).count());
        assertEquals(7, markers.stream().filter(m -> m.contains("\"label\":\"T2\"")).count());
        // pacing never runs ahead of the recording's clock
        assertTrue(seconds >= 0.95 * 125.0 / 4, "4x replay of 125 s took " + seconds + " s");
    }

    @Test
    void liveSessionsRecordedToXdfReplayToTheSameFrames(@TempDir Path tmp) throws IOException {
        Path recording = tmp.resolve("session.xdf");
        Path live = tmp.resolve("live");
        Path replayed = tmp.resolve("replayed");
        Cli.run("run", "--source", "sim:profile=openbci-cyton,seed=11,duration=9s,sessions=2,pace=realtime",
                "--record", recording.toString(), "--out", live.toString(), "--quiet");
        String inspect = Cli.run("inspect", recording.toString()).out();
        assertTrue(inspect.contains("sim-1-markers") && inspect.contains("sim-2-markers"), inspect);
        String err = Cli.run("run", "--source", "file:" + recording, "--out", replayed.toString(), "--quiet").err();
        assertTrue(err.contains("profile openbci-cyton (recorded)"), err);

        Cli.assertSameFiles(live, replayed);
        assertEquals(List.of(Path.of("sim-1/features.jsonl"), Path.of("sim-1/markers.jsonl"), Path.of("sim-2/features.jsonl"),
                Path.of("sim-2/markers.jsonl")), Cli.relativeFiles(live));
        assertTrue(Files.readAllLines(live.resolve("sim-1/features.jsonl")).size() > 10);
        assertTrue(Files.readString(live.resolve("sim-2/markers.jsonl")).contains("\"kind\":\"CUE\""));
    }
}
