package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayedSessionTest {
    @TempDir
    Path dir;

    private List<ReplaySplit> splits() throws IOException {
        Path file = ReplayFiles.write(dir, "");
        return ReplayPlan.of(ReplaySpec.parse("file:" + file), DeviceProfiles.builtIn()).splits();
    }

    private static List<SessionEvent> drain(ReplayedSession session) throws IOException {
        List<SessionEvent> events = new ArrayList<>();
        while (session.hasNext()) {
            events.addAll(session.nextBlock(0));
        }
        return events;
    }

    @Test
    void chunksCarryTheFileSamplesInMicrovoltsWithTheirTimeStamps() throws IOException {
        ReplaySplit b = splits().get(1);
        try (ReplayedSession session = ReplayedSession.resume(b)) {
            List<SessionEvent> events = drain(session);
            List<SignalChunk> chunks = events.stream().map(SessionEvent::chunk).filter(c -> c != null).toList();
            assertEquals(ReplayFiles.SAMPLES / b.chunkSamples(), chunks.size());
            int i = 0;
            for (SignalChunk chunk : chunks) {
                assertEquals("EEG-B", chunk.sessionId());
                assertEquals(ReplayFiles.RATE, chunk.nominalRateHz());
                for (int k = 0; k < chunk.sampleCount(); k++, i++) {
                    assertEquals(ReplayFiles.time(i), chunk.timestamp(k), 1e-12);
                    for (int c = 0; c < ReplayFiles.CHANNELS; c++) {
                        // stream B is in millivolts
                        assertEquals(ReplayFiles.value(1, i, c) * 1000f, chunk.sample(k, c), 1e-2, "sample " + i + " channel " + c);
                    }
                }
            }
            assertEquals(ReplayFiles.SAMPLES, i);
        }
    }

    @Test
    void markersComeWithTheirKindBeforeTheChunkTheyFallIn() throws IOException {
        try (ReplayedSession session = ReplayedSession.resume(splits().get(0))) {
            List<SessionEvent> events = drain(session);
            List<MarkerEvent> markers = events.stream().map(SessionEvent::marker).filter(m -> m != null).toList();
            assertEquals(List.of(new MarkerEvent("EEG-A", 10.5, MarkerKind.CUE, "A"),
                    new MarkerEvent("EEG-A", 11.0, MarkerKind.TEXT, "Note: lights off"),
                    new MarkerEvent("EEG-A", 11.5, MarkerKind.TRIAL_END, "A")), markers);
            for (int e = 0; e < events.size(); e++) {
                MarkerEvent m = events.get(e).marker();
                if (m != null) {
                    SignalChunk next = events.get(e + 1).chunk();
                    assertTrue(next.firstTimestamp() <= m.timestamp() && m.timestamp() < next.lastTimestamp() + 1 / ReplayFiles.RATE,
                            m + " precedes the chunk from " + next.firstTimestamp());
                }
            }
        }
    }

    @Test
    void aSessionResumedFromItsSnapshotContinuesExactly() throws IOException {
        ReplaySplit a = splits().get(0);
        List<SessionEvent> whole;
        try (ReplayedSession session = ReplayedSession.resume(a)) {
            whole = drain(session);
        }
        for (int blocks : new int[] {1, 11, 25, 49}) {
            List<SessionEvent> pieced = new ArrayList<>();
            ReplaySplit snapshot;
            try (ReplayedSession session = ReplayedSession.resume(a)) {
                for (int k = 0; k < blocks; k++) {
                    pieced.addAll(session.nextBlock(0));
                }
                snapshot = session.snapshot();
            }
            try (ReplayedSession resumed = ReplayedSession.resume(snapshot)) {
                pieced.addAll(drain(resumed));
                assertFalse(resumed.hasNext());
            }
            assertEquals(whole, pieced, "resumed after " + blocks + " blocks");
        }
    }

    @Test
    void aFileThatLostItsStreamOrSamplesSinceTheCheckpointIsReportedClearly() throws IOException {
        ReplaySplit a = splits().get(0);
        ReplaySplit tooFar = new ReplaySplit(a.sessionIndex(), a.spec(), a.streamId(), a.sessionId(), a.chunkSamples(), 5000, 0);
        RecordingFormatException shorter = assertThrows(RecordingFormatException.class, () -> ReplayedSession.resume(tooFar));
        assertTrue(shorter.getMessage().contains("ends after 400 samples, but the replay had reached sample 5000"), shorter.getMessage());
        ReplaySplit gone = new ReplaySplit(a.sessionIndex(), a.spec(), "99", a.sessionId(), a.chunkSamples(), 0, 0);
        RecordingFormatException missing = assertThrows(RecordingFormatException.class, () -> ReplayedSession.resume(gone));
        assertTrue(missing.getMessage().contains("has no stream 99 any more; it was replayed as session EEG-A"), missing.getMessage());
        Files.delete(ReplaySpec.parse(a.spec()).file());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ReplayedSession.resume(a));
    }
}
