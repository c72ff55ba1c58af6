package org.bcistream.streaming.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.bcistream.decoders.record.SessionEvent;

/**
 * Reads the live LSL streams assigned to one source subtask: each poll hands Flink every chunk that has arrived,
 * without waiting; when nothing has, the reader reports itself unavailable for {@value #IDLE_POLL_MICROS} µs
 * instead of blocking the task thread, so a chunk reaches the job at most that long after the inlet has it.
 */
final class LslSessionReader implements SourceReader<SessionEvent, LslSplit> {
    static final long IDLE_POLL_MICROS = 1000;

    private final List<LslLiveSession> sessions = new ArrayList<>();
    private final List<LslSplit> splits = new ArrayList<>();
    private final List<SessionEvent> batch = new ArrayList<>();
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<SessionEvent> output) {
        boolean any = false;
        for (LslLiveSession session : sessions) {
            batch.clear();
            any |= session.poll(batch);
            for (SessionEvent event : batch) {
                output.collect(event, Math.round(event.time() * 1000.0));
            }
        }
        if (any) {
            return InputStatus.MORE_AVAILABLE;
        }
        available = CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(IDLE_POLL_MICROS, TimeUnit.MICROSECONDS));
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<LslSplit> snapshotState(long checkpointId) {
        return List.copyOf(splits);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<LslSplit> added) {
        for (LslSplit split : added) {
            try {
                sessions.add(LslLiveSession.open(split));
                splits.add(split);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open LSL session " + split.sessionId() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() {
        sessions.forEach(LslLiveSession::close);
        sessions.clear();
    }
}
