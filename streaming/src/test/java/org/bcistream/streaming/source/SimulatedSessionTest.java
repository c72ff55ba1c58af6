package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.decoders.record.SpikeEvents;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.hardware.UnknownDeviceException;
import org.bcistream.hardware.synthetic.SyntheticSubject;
import org.bcistream.hardware.synthetic.SyntheticSubjectConfig;
import org.junit.jupiter.api.Test;

class SimulatedSessionTest {
    private static final double CYTON_HZ = 250.0;
    private static final int CYTON_CHUNK = 10; // round(250 / 25): the profile has no expected chunk size

    /** Every block of a session, one list per block, block {@code k} stamped with ingest instant {@code k}. */
    private static List<List<SessionEvent>> blocks(SimulatedSession session) {
        List<List<SessionEvent>> blocks = new ArrayList<>();
        while (session.hasNext()) {
            blocks.add(session.nextBlock(blocks.size()));
        }
        return blocks;
    }

    private static List<List<SessionEvent>> blocks(String spec) {
        return blocks(SimulatedSession.resume(SyntheticSessionSplit.fresh(1, SimulationSpec.parse(spec))));
    }

    private static SignalChunk chunkOf(List<SessionEvent> block) {
        SessionEvent last = block.get(block.size() - 1);
        assertNotNull(last.chunk(), "a block ends with its chunk: " + block);
        return last.chunk();
    }

    private static List<SessionEvent> flat(List<List<SessionEvent>> blocks) {
        return blocks.stream().flatMap(List::stream).toList();
    }

    @Test
    void threeSecondCytonSessionYieldsExactly750ContiguousSamples() {
        List<List<SessionEvent>> blocks = blocks("sim:duration=3s");
        assertEquals(75, blocks.size());
        long n = 0;
        for (int k = 0; k < blocks.size(); k++) {
            SignalChunk chunk = chunkOf(blocks.get(k));
            assertEquals("sim-1", chunk.sessionId());
            assertEquals("openbci-cyton", chunk.streamId());
            assertEquals(8, chunk.channelCount());
            assertEquals(CYTON_HZ, chunk.nominalRateHz());
            assertEquals(k, chunk.ingestNanos(), "ingestNanos is the argument of nextBlock");
            assertEquals(CYTON_CHUNK, chunk.sampleCount());
            for (int i = 0; i < chunk.sampleCount(); i++, n++) {
                assertEquals(n / CYTON_HZ, chunk.timestamp(i), "sample " + n);
            }
        }
        assertEquals(750, n);
    }

    @Test
    void lastChunkIsCutAtTheDuration() {
        // 3.005 s x 250 Hz = 751.25 -> 751 samples: 75 full chunks and one of a single sample
        SimulatedSession session = SimulatedSession.resume(SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:duration=3005ms")));
        for (int k = 0; k < 75; k++) {
            assertEquals(k * CYTON_CHUNK / CYTON_HZ, session.nextBlockStart());
            assertEquals((k + 1) * CYTON_CHUNK / CYTON_HZ, session.nextBlockEnd());
            session.nextBlock(k);
        }
        assertTrue(session.hasNext());
        assertEquals(3.0, session.nextBlockStart());
        assertEquals(751 / CYTON_HZ, session.nextBlockEnd());
        SignalChunk last = chunkOf(session.nextBlock(75));
        assertFalse(session.hasNext());
        assertEquals(1, last.sampleCount());
        assertEquals(8, last.samples().length);
        assertArrayEquals(new double[] {3.0}, last.timestamps());

        // the cut chunk holds the first sample of the uncut one
        List<List<SessionEvent>> longer = blocks("sim:duration=4s");
        SignalChunk uncut = chunkOf(longer.get(75));
        assertEquals(3.0, uncut.firstTimestamp());
        for (int c = 0; c < 8; c++) {
            assertEquals(uncut.sample(0, c), last.sample(0, c));
        }
    }

    @Test
    void accessorsDescribeTheSession() {
        SimulatedSession session = SimulatedSession.resume(SyntheticSessionSplit.fresh(3, SimulationSpec.parse("sim:sessions=3,duration=1s")));
        assertEquals("sim-3", session.sessionId());
        assertEquals(0.0, session.nextBlockStart());
        assertEquals(CYTON_CHUNK / CYTON_HZ, session.nextBlockEnd());
        assertTrue(session.hasNext());
        assertEquals("sim-3", chunkOf(session.nextBlock(0)).sessionId());
    }

    @Test
    void markersComeBeforeTheChunkOfTheirBlock() {
        List<List<SessionEvent>> blocks = blocks("sim:duration=15s");
        List<MarkerEvent> markers = new ArrayList<>();
        for (List<SessionEvent> block : blocks) {
            SignalChunk chunk = chunkOf(block);
            for (SessionEvent e : block.subList(0, block.size() - 1)) {
                MarkerEvent m = e.marker();
                assertNotNull(m, "only markers precede the chunk: " + block);
                assertEquals("sim-1", m.sessionId());
                assertTrue(m.timestamp() >= chunk.firstTimestamp() && m.timestamp() <= chunk.lastTimestamp(),
                        "marker at " + m.timestamp() + " lies in its block [" + chunk.firstTimestamp() + ", " + chunk.lastTimestamp() + "]");
                markers.add(m);
            }
        }
        // default timing: 2 s rest, cue, 4 s imagery, trial end, up to 1 s pause, next trial
        assertTrue(markers.size() >= 3, "markers in 15 s: " + markers);
        assertEquals(MarkerKind.CUE, markers.get(0).kind());
        assertEquals(2.0, markers.get(0).timestamp());
        assertEquals(MarkerKind.TRIAL_END, markers.get(1).kind());
        assertEquals(6.0, markers.get(1).timestamp());
        assertEquals(markers.get(0).label(), markers.get(1).label());
        assertTrue(SyntheticSubjectConfig.LETTERS.contains(markers.get(0).label()), markers.get(0).label());
        for (int i = 0; i < markers.size(); i++) {
            assertEquals(i % 2 == 0 ? MarkerKind.CUE : MarkerKind.TRIAL_END, markers.get(i).kind(), "marker " + i);
            if (i > 0) {
                assertTrue(markers.get(i).timestamp() > markers.get(i - 1).timestamp());
            }
        }
    }

    @Test
    void markersAtOrAfterTheCutAreDropped() {
        // find a marker that does not fall on a block boundary, then cut the session just before and just after it
        MarkerEvent inside = flat(blocks("sim:duration=20s")).stream()
                .map(SessionEvent::marker)
                .filter(m -> m != null && Math.round(m.timestamp() * CYTON_HZ) % CYTON_CHUNK != 0)
                .findFirst()
                .orElseThrow(() -> new AssertionError("every marker of 20 s falls on a block boundary"));
        long sample = Math.round(inside.timestamp() * CYTON_HZ);

        List<SessionEvent> cutBefore = flat(blocks("sim:duration=" + sample * 4 + "ms"));
        assertFalse(cutBefore.contains(SessionEvent.of(inside)), "marker at the cut is kept: " + inside);
        assertEquals((sample - 1) / CYTON_HZ, chunkOf(cutBefore).lastTimestamp());

        List<SessionEvent> cutAfter = flat(blocks("sim:duration=" + (sample + 1) * 4 + "ms"));
        assertTrue(cutAfter.contains(SessionEvent.of(inside)), "marker before the cut is missing: " + inside);
        assertEquals(sample / CYTON_HZ, chunkOf(cutAfter).lastTimestamp());
    }

    @Test
    void sameSpecGivesIdenticalSessionsAndSessionsDifferFromEachOther() {
        SimulationSpec spec = SimulationSpec.parse("sim:duration=1s,sessions=2,seed=5");
        List<SessionEvent> first = flat(blocks(SimulatedSession.resume(SyntheticSessionSplit.fresh(1, spec))));
        List<SessionEvent> again = flat(blocks(SimulatedSession.resume(SyntheticSessionSplit.fresh(1, spec))));
        assertEquals(first, again);
        List<SessionEvent> second = flat(blocks(SimulatedSession.resume(SyntheticSessionSplit.fresh(2, spec))));
        assertEquals(first.size(), second.size());
        assertNotEquals(chunkOf(first).samples()[0], chunkOf(second).samples()[0]);
    }

    @Test
    void snapshotBeforeTheFirstBlockResumesFromTheStart() {
        SimulatedSession session = SimulatedSession.resume(SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:duration=2s")));
        List<List<SessionEvent>> resumed = blocks(SimulatedSession.resume(session.snapshot()));
        assertEquals(blocks("sim:duration=2s"), resumed);
    }

    @Test
    void resumeFromASplitCarryingSimulatorStateContinuesSampleExactly() {
        SimulationSpec spec = SimulationSpec.parse("sim:duration=3s,seed=9,sessions=2");
        List<List<SessionEvent>> uninterrupted = blocks(SimulatedSession.resume(SyntheticSessionSplit.fresh(2, spec)));

        DeviceProfile cyton = DeviceProfiles.builtIn().byId("openbci-cyton");
        SyntheticSubject subject = SyntheticSubject.create(cyton, SimulatedSession.subjectConfig(spec, 2));
        for (int k = 0; k < 30; k++) {
            subject.next();
        }
        SyntheticSessionSplit split = new SyntheticSessionSplit(2, spec.toString(), subject.snapshot().toBytes());
        assertFalse(split.isFresh());

        SimulatedSession resumed = SimulatedSession.resume(split);
        assertEquals(30 * CYTON_CHUNK / CYTON_HZ, resumed.nextBlockStart());
        List<List<SessionEvent>> rest = new ArrayList<>();
        for (int k = 30; resumed.hasNext(); k++) {
            rest.add(resumed.nextBlock(k));
        }
        assertEquals(uninterrupted.subList(30, uninterrupted.size()), rest);
    }

    @Test
    void snapshotTakenMidRunResumesIdenticallyToTheUninterruptedRun() {
        SimulationSpec spec = SimulationSpec.parse("sim:duration=3s,seed=9");
        List<List<SessionEvent>> uninterrupted = blocks(SimulatedSession.resume(SyntheticSessionSplit.fresh(1, spec)));

        SimulatedSession session = SimulatedSession.resume(SyntheticSessionSplit.fresh(1, spec));
        List<List<SessionEvent>> interrupted = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            interrupted.add(session.nextBlock(k));
        }
        SyntheticSessionSplit snapshot = session.snapshot();
        assertFalse(snapshot.isFresh(), "a snapshot after 30 blocks carries the simulator state");
        SimulatedSession resumed = SimulatedSession.resume(snapshot);
        assertEquals(session.nextBlockStart(), resumed.nextBlockStart());
        for (int k = 30; resumed.hasNext(); k++) {
            interrupted.add(resumed.nextBlock(k));
        }
        assertEquals(uninterrupted, interrupted);
    }

    @Test
    void intracorticalSnapshotResumesIdentically() {
        SimulationSpec spec = SimulationSpec.parse("sim:profile=blackrock-neuroport-128,duration=500ms");
        List<List<SessionEvent>> uninterrupted = blocks(SimulatedSession.resume(SyntheticSessionSplit.fresh(1, spec)));
        SimulatedSession session = SimulatedSession.resume(SyntheticSessionSplit.fresh(1, spec));
        List<List<SessionEvent>> interrupted = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            interrupted.add(session.nextBlock(k));
        }
        SimulatedSession resumed = SimulatedSession.resume(session.snapshot());
        for (int k = 5; resumed.hasNext(); k++) {
            interrupted.add(resumed.nextBlock(k));
        }
        assertEquals(uninterrupted, interrupted);
    }

    @Test
    void stateOfAnotherSessionIsRefused() {
        SimulationSpec spec = SimulationSpec.parse("sim:duration=1s,sessions=2");
        SimulatedSession first = SimulatedSession.resume(SyntheticSessionSplit.fresh(1, spec));
        first.nextBlock(0);
        byte[] state = first.snapshot().simulatorState();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatedSession.resume(new SyntheticSessionSplit(2, spec.toString(), state)));
        assertTrue(e.getMessage().startsWith("synthetic subject state was captured with another profile or config"), e.getMessage());
    }

    @Test
    void corruptStateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatedSession.resume(new SyntheticSessionSplit(1, "sim:", new byte[] {9, 0, 0})));
        assertEquals("synthetic subject state: format version 9 is not supported (this build reads version 1)", e.getMessage());
    }

    @Test
    void intracorticalProfileYieldsSpikeEventsWhoseSpansTileTheDuration() {
        // 1.005 s x 30 kHz = 30150 samples: 25 blocks of 1200 samples (40 ms) and one of 150
        List<List<SessionEvent>> blocks = blocks("sim:profile=blackrock-neuroport-128,duration=1005ms");
        assertEquals(26, blocks.size());
        double expectedStart = 0.0;
        int spikes = 0;
        for (int k = 0; k < blocks.size(); k++) {
            List<SessionEvent> block = blocks.get(k);
            SessionEvent last = block.get(block.size() - 1);
            assertNull(last.chunk());
            SpikeEvents s = last.spikes();
            assertNotNull(s, "a block of an intracortical profile ends with spike events");
            block.subList(0, block.size() - 1).forEach(e -> assertNotNull(e.marker()));
            assertEquals("sim-1", s.sessionId());
            assertEquals("blackrock-neuroport-128", s.streamId());
            assertEquals(128, s.unitCount());
            assertEquals(k, s.ingestNanos());
            assertEquals(expectedStart, s.startTime(), "block " + k + " starts where the previous ended");
            double expectedEnd = k < 25 ? (k + 1) * 1200 / 30000.0 : 30150 / 30000.0;
            assertEquals(expectedEnd, s.endTime(), "block " + k);
            for (int i = 0; i < s.spikeCount(); i++) {
                assertTrue(s.time(i) >= s.startTime() && s.time(i) < s.endTime());
            }
            spikes += s.spikeCount();
            expectedStart = s.endTime();
        }
        assertEquals(1.005, expectedStart);
        assertTrue(spikes > 0, "128 units fire in a second");
    }

    @Test
    void intracorticalCutKeepsOnlySpikesBeforeTheCut() {
        List<SessionEvent> cut = flat(blocks("sim:profile=blackrock-neuroport-128,duration=1005ms"));
        List<SessionEvent> full = flat(blocks("sim:profile=blackrock-neuroport-128,duration=1040ms"));
        SpikeEvents lastCut = cut.get(cut.size() - 1).spikes();
        SpikeEvents lastFull = full.get(full.size() - 1).spikes();
        assertEquals(lastFull.startTime(), lastCut.startTime());
        assertEquals(1.04, lastFull.endTime());
        int kept = 0;
        while (kept < lastFull.spikeCount() && lastFull.time(kept) < 1.005) {
            kept++;
        }
        assertArrayEquals(Arrays.copyOf(lastFull.times(), kept), lastCut.times());
        assertArrayEquals(Arrays.copyOf(lastFull.units(), kept), lastCut.units());
    }

    @Test
    void unknownProfileFailsWithTheRegistrysMessage() {
        String expected = assertThrows(UnknownDeviceException.class, () -> DeviceProfiles.builtIn().byId("nope")).getMessage();
        SyntheticSessionSplit split = SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:profile=nope"));
        assertEquals(expected, assertThrows(UnknownDeviceException.class, () -> SimulatedSession.resume(split)).getMessage());
        assertEquals(expected, assertThrows(UnknownDeviceException.class,
                () -> SimulatedSession.checkSpec(SimulationSpec.parse("sim:profile=nope"))).getMessage());
        assertTrue(expected.startsWith("unknown device profile 'nope'; closest known ids: "), expected);
    }

    @Test
    void checkSpecRefusesADurationShorterThanOneSample() {
        assertEquals("sim source: duration 0.001s is shorter than one sample of openbci-cyton at 250.0 Hz",
                assertThrows(IllegalArgumentException.class,
                        () -> SimulatedSession.checkSpec(SimulationSpec.parse("sim:duration=1ms"))).getMessage());
        SimulatedSession.checkSpec(SimulationSpec.parse("sim:duration=4ms")); // exactly one sample is enough
    }

    @Test
    void checkSpecRefusesATargetSetTheSimulatorRefuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatedSession.checkSpec(SimulationSpec.parse("sim:targets=A+A")));
        assertEquals("synthetic subject config: target label 'A' appears more than once in [A, A]", e.getMessage());
    }

    @Test
    void subjectConfigMapsSeedTargetsAndSnr() {
        SimulationSpec spec = SimulationSpec.parse("sim:seed=3,targets=words,snr=-4");
        SyntheticSubjectConfig config = SimulatedSession.subjectConfig(spec, 2);
        assertEquals(spec.sessionSeed(2), config.seed());
        assertEquals(SyntheticSubjectConfig.WORDS, config.targets());
        assertEquals(-4.0, config.snrDb());

        SyntheticSubjectConfig letters = SimulatedSession.subjectConfig(SimulationSpec.parse("sim:"), 1);
        assertEquals(SyntheticSubjectConfig.LETTERS, letters.targets());
        assertEquals(SyntheticSubjectConfig.defaults().snrDb(), letters.snrDb(), "no snr key keeps the simulator default");

        assertEquals(List.of("up", "down", "left"), SimulatedSession.subjectConfig(SimulationSpec.parse("sim:targets=up+down+left"), 1).targets());
    }

    @Test
    void customTargetsAreTheMarkerLabels() {
        List<String> labels = flat(blocks("sim:duration=20s,targets=up+down")).stream()
                .map(SessionEvent::marker)
                .filter(m -> m != null)
                .map(MarkerEvent::label)
                .distinct()
                .sorted()
                .toList();
        assertEquals(List.of("down", "up"), labels);
    }

    @Test
    void aSessionRunsAtTheRateAndChunkSizeItAsksFor() {
        List<List<SessionEvent>> blocks = blocks("sim:profile=brainproducts-actichamp-64,duration=1s,rate=1000,chunk=10");
        assertEquals(100, blocks.size());
        SignalChunk second = chunkOf(blocks.get(1));
        assertEquals(1000.0, second.nominalRateHz());
        assertEquals(10, second.sampleCount());
        assertEquals(0.010, second.timestamp(0), 1e-12);
        assertEquals(0.011, second.timestamp(1), 1e-12);
        assertEquals(1000.0, SimulatedSession.rateOf(SimulationSpec.parse("sim:profile=brainproducts-actichamp-64,rate=1000")));
        IllegalArgumentException wrong = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SimulatedSession.rateOf(SimulationSpec.parse("sim:rate=300")));
        assertEquals("synthetic subject config: profile openbci-cyton runs at [250.0, 1000.0] Hz, "
                + "not at 300.0 Hz", wrong.getMessage());
    }
}
