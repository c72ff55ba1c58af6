package org.bcistream.streaming.sink;

import static org.bcistream.streaming.sink.TestingWriterInitContext.NO_TIME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.util.InstantiationUtil;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionDirectorySinkTest {
    @TempDir
    Path tmp;

    private static SessionOutput frame(String session, long index) {
        return SessionOutput.of(new FeatureFrame(session, index, 1.0 + index * 0.25, 1, 2, new float[] {index, -index}, 99));
    }

    private static SessionOutput marker(String session, double t, String label) {
        return SessionOutput.of(new MarkerEvent(session, t, MarkerKind.CUE, label));
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void writesEachSessionsFramesAndMarkersToItsOwnFiles() throws Exception {
        Path out = tmp.resolve("out/nested");
        SessionDirectorySink sink = InstantiationUtil.clone(new SessionDirectorySink(out)); // as shipped to a task
        SinkWriter<SessionOutput> writer = sink.createWriter(new TestingWriterInitContext(0, 1));
        assertTrue(Files.isDirectory(out), "the directory is created with the writer");
        List<SessionOutput> outputs = List.of(frame("sim-1", 0), marker("sim-2", 2.0, "A"), frame("sim-2", 0),
                marker("sim-1", 2.0, "B"), frame("sim-1", 1));
        for (SessionOutput o : outputs) {
            writer.write(o, NO_TIME);
        }
        writer.flush(false);
        assertEquals(List.of(OutputJson.line(outputs.get(0)), OutputJson.line(outputs.get(4))), lines(out.resolve("sim-1/features.jsonl")));
        assertEquals(List.of(OutputJson.line(outputs.get(3))), lines(out.resolve("sim-1/markers.jsonl")));
        assertEquals(List.of(OutputJson.line(outputs.get(2))), lines(out.resolve("sim-2/features.jsonl")));
        assertEquals(List.of(OutputJson.line(outputs.get(1))), lines(out.resolve("sim-2/markers.jsonl")));
        writer.close();
        assertEquals("{\"type\":\"frame\",\"session\":\"sim-1\",\"index\":0,\"t\":1.0,\"rows\":1,\"cols\":2,\"values\":[0.0,0.0]}\n"
                + "{\"type\":\"frame\",\"session\":\"sim-1\",\"index\":1,\"t\":1.25,\"rows\":1,\"cols\":2,\"values\":[1.0,-1.0]}\n",
                Files.readString(out.resolve("sim-1/features.jsonl")));
    }

    @Test
    void aSessionWithoutMarkersGetsNoMarkerFile() throws Exception {
        SinkWriter<SessionOutput> writer = new SessionDirectorySink(tmp).createWriter(new TestingWriterInitContext(0, 1));
        writer.write(frame("only-frames", 0), NO_TIME);
        writer.close();
        assertTrue(Files.exists(tmp.resolve("only-frames/features.jsonl")));
        assertFalse(Files.exists(tmp.resolve("only-frames/markers.jsonl")));
    }

    @Test
    void hostileSessionIdsStayInsideTheDirectory() throws Exception {
        Path out = tmp.resolve("out");
        SinkWriter<SessionOutput> writer = new SessionDirectorySink(out).createWriter(new TestingWriterInitContext(0, 1));
        writer.write(frame("../escape", 0), NO_TIME);
        writer.write(frame("/abs/path", 0), NO_TIME);
        writer.write(frame(".hidden", 0), NO_TIME);
        writer.close();
        try (Stream<Path> all = Files.list(tmp)) {
            assertEquals(List.of(out), all.toList(), "nothing is written next to the output directory");
        }
        for (String id : new String[] {"../escape", "/abs/path", ".hidden"}) {
            assertTrue(Files.exists(out.resolve(SessionFiles.directoryName(id)).resolve("features.jsonl")), id);
        }
        try (Stream<Path> dirs = Files.list(out)) {
            assertEquals(3, dirs.filter(d -> d.getFileName().toString().contains("~")).count());
        }
    }

    @Test
    void sameInputGivesByteIdenticalFiles() throws Exception {
        for (String run : new String[] {"a", "b"}) {
            SinkWriter<SessionOutput> writer = new SessionDirectorySink(tmp.resolve(run)).createWriter(new TestingWriterInitContext(0, 1));
            for (int i = 0; i < 100; i++) {
                writer.write(frame("s", i), NO_TIME);
            }
            writer.flush(true);
            writer.close();
        }
        assertEquals(-1L, Files.mismatch(tmp.resolve("a/s/features.jsonl"), tmp.resolve("b/s/features.jsonl")));
        assertEquals(100, lines(tmp.resolve("a/s/features.jsonl")).size());
    }

    @Test
    void generatedImagesBecomePngFilesAndSpeechOneGrowingWavPerSession() throws Exception {
        SinkWriter<SessionOutput> writer = new SessionDirectorySink(tmp).createWriter(new TestingWriterInitContext(0, 1));
        org.bcistream.decoders.record.LatencyBreakdown latency = new org.bcistream.decoders.record.LatencyBreakdown(0, 1, 2, 3, 4);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        writer.write(SessionOutput.of(org.bcistream.decoders.record.DecodedOutput.generated("s1", 3, "A",
                org.bcistream.decoders.record.OutputKind.IMAGE, png, 4, 50_000_000, latency)), NO_TIME);
        writer.write(SessionOutput.of(org.bcistream.decoders.record.DecodedOutput.notGenerated("s1", 4, "B",
                org.bcistream.decoders.record.OutputKind.IMAGE, org.bcistream.decoders.record.GenerationStatus.SKIPPED_QUEUE_FULL,
                50_000_000, latency)), NO_TIME);
        byte[] first = {0, 64, 0, -64}; // 16384, -16384
        byte[] second = {-1, 127}; // 32767
        for (byte[] pcm : new byte[][] {first, second}) {
            writer.write(SessionOutput.of(org.bcistream.decoders.record.DecodedOutput.generated("s2", 0, "",
                    org.bcistream.decoders.record.OutputKind.SPEECH, pcm, 2, 40_000_000, latency)), NO_TIME);
        }
        writer.flush(false);
        assertArrayEquals(png, Files.readAllBytes(tmp.resolve("s1/images/3-A.png")));
        assertFalse(Files.exists(tmp.resolve("s1/images/4-B.png")), "a skipped request has no image");
        assertEquals(2, lines(tmp.resolve("s1/outputs.jsonl")).size(), "both requests are in the outputs");
        org.bcistream.models.audio.AudioClip clip = org.bcistream.models.audio.Wav.read(tmp.resolve("s2/speech.wav"));
        assertEquals(16_000, clip.sampleRate());
        assertArrayEquals(new float[] {0.5f, -0.5f, 32767 / 32768f}, clip.samples(), 1e-4f);
        writer.close();
    }
}
