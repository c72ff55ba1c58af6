package org.bcistream.streaming.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.streaming.config.Pacing;

/**
 * Reads the simulated sessions assigned to one source subtask and interleaves them in source time: each
 * poll emits the block that starts earliest across the subtask's sessions. With a paced spec, a block is
 * emitted no earlier than the wall-clock instant at which its last sample would have been acquired; the
 * reader then reports itself unavailable until that instant instead of sleeping on the task thread. Pacing
 * starts at the first block this reader emits, so a reader restored mid-session does not wait for the
 * source time that had passed before the restore.
 */
final class SyntheticSessionReader implements SourceReader<SessionEvent, SyntheticSessionSplit> {
    private final List<SimulatedSession> sessions = new ArrayList<>();
    private final Pacing pacing;
    private boolean noMoreSplits;
    private long wallStartNanos = Long.MIN_VALUE;
    private double sourceStart;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    SyntheticSessionReader(Pacing pacing) {
        this.pacing = pacing;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<SessionEvent> output) {
        SimulatedSession next = null;
        for (SimulatedSession s : sessions) {
            if (next == null || s.nextBlockStart() < next.nextBlockStart()) {
                next = s;
            }
        }
        if (next == null) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }
        long now = System.nanoTime();
        if (!pacing.isMax()) {
            if (wallStartNanos == Long.MIN_VALUE) {
                wallStartNanos = now;
                sourceStart = next.nextBlockStart();
            }
            long due = wallStartNanos + Math.round((next.nextBlockEnd() - sourceStart) / pacing.speed() * 1e9);
            if (due > now) {
                available = CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(due - now, TimeUnit.NANOSECONDS));
                return InputStatus.NOTHING_AVAILABLE;
            }
        }
        for (SessionEvent event : next.nextBlock(now)) {
            output.collect(event, Math.round(event.time() * 1000.0));
        }
        if (!next.hasNext()) {
            sessions.remove(next);
        }
        return sessions.isEmpty() && noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<SyntheticSessionSplit> snapshotState(long checkpointId) {
        List<SyntheticSessionSplit> splits = new ArrayList<>(sessions.size());
        sessions.forEach(s -> splits.add(s.snapshot()));
        return splits;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<SyntheticSessionSplit> splits) {
        for (SyntheticSessionSplit split : splits) {
            SimulatedSession session = SimulatedSession.resume(split);
            if (session.hasNext()) {
                sessions.add(session);
            }
        }
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {}
}
