package org.bcistream.streaming.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.InputStatus;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.streaming.config.Pacing;

/**
 * Reads the sessions assigned to one source subtask and interleaves them in source time: each poll emits
 * the block that starts earliest across the subtask's sessions. With a paced source, a block is emitted no
 * earlier than the wall-clock instant at which its last sample would have been acquired; the reader then
 * reports itself unavailable until that instant instead of sleeping on the task thread. Pacing starts at
 * the first block this reader emits, so a reader restored mid-session does not wait for the source time
 * that had passed before the restore.
 *
 * @param <SplitT> the source's split type
 */
class PacedSessionReader<SplitT extends SourceSplit> implements SourceReader<SessionEvent, SplitT> {
    /** Starts or resumes the session a split describes. */
    @FunctionalInterface
    interface Resumer<SplitT> {
        SessionCursor<SplitT> resume(SplitT split) throws IOException;
    }

    private final List<SessionCursor<SplitT>> sessions = new ArrayList<>();
    private final Pacing pacing;
    private final Resumer<SplitT> resumer;
    private boolean noMoreSplits;
    private long wallStartNanos = Long.MIN_VALUE;
    private double sourceStart;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    PacedSessionReader(Pacing pacing, Resumer<SplitT> resumer) {
        this.pacing = pacing;
        this.resumer = resumer;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<SessionEvent> output) throws IOException {
        SessionCursor<SplitT> next = null;
        for (SessionCursor<SplitT> s : sessions) {
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
            next.close();
        }
        return sessions.isEmpty() && noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<SplitT> snapshotState(long checkpointId) {
        List<SplitT> splits = new ArrayList<>(sessions.size());
        sessions.forEach(s -> splits.add(s.snapshot()));
        return splits;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<SplitT> splits) {
        for (SplitT split : splits) {
            try {
                SessionCursor<SplitT> session = resumer.resume(split);
                if (session.hasNext()) {
                    sessions.add(session);
                } else {
                    session.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot resume session " + split.splitId() + ": " + e.getMessage(), e);
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
    public void close() throws IOException {
        IOException first = null;
        for (SessionCursor<SplitT> s : sessions) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        sessions.clear();
        if (first != null) {
            throw first;
        }
    }
}
