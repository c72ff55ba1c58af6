package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bcistream run} as a user runs it: an embedded local Flink environment, files out, reproducible. */
class RunCommandIT {
    private static final String SOURCE = "sim:profile=openbci-cyton,seed=1,duration=30s";

    @Test
    void sameSeedGivesByteIdenticalOutput(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        String summary = Cli.run("run", "--source", SOURCE, "--out", first.toString(), "--quiet").out();
        Cli.run("run", "--source", SOURCE, "--out", second.toString(), "--quiet");

        assertEquals(List.of(Path.of("sim-1/features.jsonl"), Path.of("sim-1/markers.jsonl")), Cli.relativeFiles(first));
        Cli.assertSameFiles(first, second);
        List<String> frames = Files.readAllLines(first.resolve("sim-1/features.jsonl"));
        List<String> markers = Files.readAllLines(first.resolve("sim-1/markers.jsonl"));
        // 30 s at 250 Hz, 1 s windows every 0.25 s: 117 windows, the first 20 train the normaliser
        assertEquals(97, frames.size());
        assertTrue(frames.get(0).startsWith("{\"type\":\"frame\",\"session\":\"sim-1\",\"index\":0,"), frames.get(0));
        assertTrue(markers.size() >= 6 && markers.get(0).contains("\"kind\":\"CUE\""), markers.toString());
        assertTrue(summary.contains("chunks        750 (7500 samples)"), summary);
        assertTrue(summary.contains("frames        97"), summary);
    }

    @Test
    void differentSeedGivesDifferentOutput(@TempDir Path tmp) throws IOException {
        Cli.run("run", "--source", "sim:seed=1,duration=8s", "--out", tmp.resolve("a").toString(), "--quiet");
        Cli.run("run", "--source", "sim:seed=2,duration=8s", "--out", tmp.resolve("b").toString(), "--quiet");
        assertTrue(!Files.readString(tmp.resolve("a/sim-1/features.jsonl")).equals(Files.readString(tmp.resolve("b/sim-1/features.jsonl"))));
    }
}
