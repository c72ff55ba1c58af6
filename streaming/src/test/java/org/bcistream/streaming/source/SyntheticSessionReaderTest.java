package org.bcistream.streaming.source;

import static org.bcistream.streaming.source.SessionEvents.ofSession;
import static org.bcistream.streaming.source.SessionEvents.uninterrupted;
import static org.bcistream.streaming.source.SessionEvents.withoutIngest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.io.InputStatus;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.streaming.config.Pacing;
import org.junit.jupiter.api.Test;

class SyntheticSessionReaderTest {
    private static final SimulationSpec TWO = SimulationSpec.parse("sim:duration=2s,sessions=2,seed=11");

    /** Polls until the reader reports END_OF_INPUT (or, if {@code untilNothing}, NOTHING_AVAILABLE); returns the last status. */
    private static InputStatus drain(SyntheticSessionReader reader, TestingReaderOutput<SessionEvent> output, boolean untilNothing) throws Exception {
        for (int polls = 0; polls < 100_000; polls++) {
            InputStatus status = reader.pollNext(output);
            if (status == InputStatus.END_OF_INPUT || (untilNothing && status == InputStatus.NOTHING_AVAILABLE)) {
                return status;
            }
            assertEquals(InputStatus.MORE_AVAILABLE, status);
        }
        throw new AssertionError("the reader does not end");
    }

    private static List<SignalChunk> chunks(List<SessionEvent> events) throws Exception {
        return events.stream().map(SessionEvent::chunk).filter(c -> c != null).toList();
    }

    @Test
    void interleavesSessionsInSourceTimeOrder() throws Exception {
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.MAX);
        reader.start();
        reader.addSplits(List.of(SyntheticSessionSplit.fresh(1, TWO), SyntheticSessionSplit.fresh(2, TWO)));
        reader.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        assertEquals(InputStatus.END_OF_INPUT, drain(reader, output, false));

        // equal block starts go to the session added first: sim-1, sim-2, sim-1, ... every 40 ms
        List<SignalChunk> chunks = chunks(output.records);
        assertEquals(2 * 50, chunks.size());
        for (int k = 0; k < chunks.size(); k++) {
            assertEquals("sim-" + (k % 2 + 1), chunks.get(k).sessionId(), "chunk " + k);
            assertEquals((k / 2) * 10 / 250.0, chunks.get(k).firstTimestamp(), "chunk " + k);
        }
        // each session's events are exactly those of the session run alone
        for (int i = 1; i <= 2; i++) {
            assertEquals(uninterrupted(SyntheticSessionSplit.fresh(i, TWO)), withoutIngest(ofSession(output.records, "sim-" + i)));
        }
        // every record carries its source time in milliseconds as event time stamp
        for (int k = 0; k < output.records.size(); k++) {
            assertEquals(Math.round(output.records.get(k).time() * 1000.0), output.timestamps.get(k));
        }
        assertEquals(List.of(), output.watermarks);
        reader.close();
    }

    @Test
    void sessionsOfDifferentLengthsEndIndependently() throws Exception {
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.MAX);
        SyntheticSessionSplit shortOne = SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:duration=1s,sessions=2"));
        SyntheticSessionSplit longOne = SyntheticSessionSplit.fresh(2, SimulationSpec.parse("sim:duration=2s,sessions=2"));
        reader.addSplits(List.of(shortOne, longOne));
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        for (int k = 0; k < 50; k++) {
            assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        }
        // 25 blocks each: the short session has 25 in all and is gone
        List<SyntheticSessionSplit> open = reader.snapshotState(1);
        assertEquals(List.of("sim-2"), open.stream().map(SyntheticSessionSplit::splitId).toList());
        assertEquals(InputStatus.NOTHING_AVAILABLE, drain(reader, output, true));
        assertEquals(75, chunks(output.records).size());
        assertEquals(withoutIngest(uninterrupted(shortOne)), withoutIngest(ofSession(output.records, "sim-1")));
        assertEquals(withoutIngest(uninterrupted(longOne)), withoutIngest(ofSession(output.records, "sim-2")));
    }

    @Test
    void reportsEndOfInputOnlyAfterAllSessionsEndAndNoMoreSplits() throws Exception {
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.MAX);
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        assertFalse(reader.isAvailable().isDone(), "nothing to read until splits arrive");

        reader.addSplits(List.of(SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:duration=200ms"))));
        assertTrue(reader.isAvailable().isDone(), "new splits make the reader available");
        for (int k = 0; k < 5; k++) {
            assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output), "block " + k);
        }
        assertEquals(5, chunks(output.records).size());
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output), "the session ended but more splits may come");
        assertEquals(List.of(), reader.snapshotState(1));

        reader.notifyNoMoreSplits();
        assertTrue(reader.isAvailable().isDone());
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(output));
        assertEquals(5, chunks(output.records).size());
    }

    @Test
    void lastBlockReportsEndOfInputWhenNoMoreSplitsWasSignalled() throws Exception {
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.MAX);
        reader.addSplits(List.of(SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:duration=80ms"))));
        reader.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(output));
        assertEquals(2, chunks(output.records).size());
    }

    @Test
    void readerWithoutSplitsEndsOnNoMoreSplits() throws Exception {
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.MAX);
        reader.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(output));
        assertEquals(List.of(), output.records);
    }

    @Test
    void snapshotBeforeTheFirstPollRestoresTheWholeRun() throws Exception {
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.MAX);
        List<SyntheticSessionSplit> splits = List.of(SyntheticSessionSplit.fresh(1, TWO), SyntheticSessionSplit.fresh(2, TWO));
        reader.addSplits(splits);
        List<SyntheticSessionSplit> checkpoint = reader.snapshotState(1);
        assertEquals(List.of("sim-1", "sim-2"), checkpoint.stream().map(SyntheticSessionSplit::splitId).toList());

        SyntheticSessionReader restored = new SyntheticSessionReader(Pacing.MAX);
        restored.addSplits(checkpoint);
        restored.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        drain(restored, output, false);
        assertEquals(withoutIngest(uninterrupted(splits.get(0))), withoutIngest(ofSession(output.records, "sim-1")));
        assertEquals(withoutIngest(uninterrupted(splits.get(1))), withoutIngest(ofSession(output.records, "sim-2")));
    }

    @Test
    void snapshotStateMidRunAndANewReaderContinueIdentically() throws Exception {
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.MAX);
        reader.addSplits(List.of(SyntheticSessionSplit.fresh(1, TWO), SyntheticSessionSplit.fresh(2, TWO)));
        reader.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> before = new TestingReaderOutput<>();
        for (int k = 0; k < 41; k++) {
            assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(before));
        }
        List<SyntheticSessionSplit> checkpoint = reader.snapshotState(7);

        TestingReaderOutput<SessionEvent> original = new TestingReaderOutput<>();
        drain(reader, original, false);

        SyntheticSessionReader restored = new SyntheticSessionReader(Pacing.MAX);
        restored.addSplits(checkpoint);
        restored.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> resumed = new TestingReaderOutput<>();
        assertEquals(InputStatus.END_OF_INPUT, drain(restored, resumed, false));

        assertEquals(withoutIngest(original.records), withoutIngest(resumed.records));
        assertEquals(original.timestamps, resumed.timestamps);
    }

    @Test
    void sessionShorterThanOneSampleEmitsNothingAndEnds() throws Exception {
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.MAX);
        reader.addSplits(List.of(SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:duration=1ms"))));
        reader.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        assertEquals(InputStatus.END_OF_INPUT, drain(reader, output, false));
        assertEquals(List.of(), output.records);
    }

    @Test
    void pacedReaderWaitsForTheFirstBlockInsteadOfEmittingIt() throws Exception {
        // at 10x a 40 ms block is due 4 ms after the first poll
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.parse("10x"));
        reader.addSplits(List.of(SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:duration=1s"))));
        reader.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        assertEquals(List.of(), output.records);

        reader.isAvailable().get(30, TimeUnit.SECONDS); // completes when the block is due
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(1, chunks(output.records).size());
        assertEquals(0.0, chunks(output.records).get(0).firstTimestamp());
    }

    @Test
    void pacedReaderRestoredMidSessionDoesNotWaitForTheTimeAlreadyElapsed() throws Exception {
        // At 1e10x a 40 ms block is due round(0.04 / 1e10 * 1e9) = 0 ns after the first poll, so a fresh reader emits
        // at once; 10 s of elapsed session time are 1 ns, enough to make a reader that counts them wait.
        Pacing fast = Pacing.parse("10000000000x");
        SimulationSpec spec = SimulationSpec.parse("sim:duration=20s");
        SimulatedSession session = SimulatedSession.resume(SyntheticSessionSplit.fresh(1, spec));
        for (int k = 0; k < 250; k++) {
            session.nextBlock(k);
        }
        assertEquals(10.0, session.nextBlockStart());

        SyntheticSessionReader fresh = new SyntheticSessionReader(fast);
        fresh.addSplits(List.of(SyntheticSessionSplit.fresh(1, spec)));
        assertEquals(InputStatus.MORE_AVAILABLE, fresh.pollNext(new TestingReaderOutput<>()), "a fresh reader emits its first block at once");

        SyntheticSessionReader restored = new SyntheticSessionReader(fast);
        restored.addSplits(List.of(session.snapshot()));
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        assertEquals(InputStatus.MORE_AVAILABLE, restored.pollNext(output), "a restored reader emits its first block at once");
        assertEquals(10.0, chunks(output.records).get(0).firstTimestamp());
    }

    @Test
    void ingestInstantsAreTheLocalMonotonicClock() throws Exception {
        SyntheticSessionReader reader = new SyntheticSessionReader(Pacing.MAX);
        reader.addSplits(List.of(SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:duration=400ms"))));
        reader.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        long before = System.nanoTime();
        drain(reader, output, false);
        long after = System.nanoTime();
        List<Long> ingest = new ArrayList<>();
        chunks(output.records).forEach(c -> ingest.add(c.ingestNanos()));
        assertEquals(10, ingest.size());
        for (int k = 0; k < ingest.size(); k++) {
            assertTrue(ingest.get(k) >= before && ingest.get(k) <= after, "ingest " + k);
            if (k > 0) {
                assertTrue(ingest.get(k) >= ingest.get(k - 1), "ingest instants never go back");
            }
        }
    }
}
