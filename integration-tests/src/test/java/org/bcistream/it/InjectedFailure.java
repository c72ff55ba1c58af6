package org.bcistream.it;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.bcistream.decoders.record.SessionOutput;

/**
 * Passes outputs through and fails the job once: on the {@code failAt}-th output after the first completed
 * checkpoint. Optionally slows outputs down until that checkpoint, so that a fast bounded job cannot finish before
 * one completes. Its state is static and named, because Flink restores the operator from a checkpoint.
 */
final class InjectedFailure implements MapFunction<SessionOutput, SessionOutput>, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, State> STATES = new ConcurrentHashMap<>();

    /** One failure's progress. */
    private static final class State {
        final AtomicBoolean checkpointed = new AtomicBoolean();
        final AtomicBoolean failed = new AtomicBoolean();
        final AtomicInteger afterCheckpoint = new AtomicInteger();
    }

    private final String name;
    private final int failAt;
    private final long slowMillis;

    /**
     * @param name the failure's name, unique per test
     * @param failAt which output after the first completed checkpoint fails
     * @param slowMillis pause per output until a checkpoint completed, milliseconds (0 for none)
     */
    InjectedFailure(String name, int failAt, long slowMillis) {
        this.name = name;
        this.failAt = failAt;
        this.slowMillis = slowMillis;
        STATES.put(name, new State());
    }

    /** Whether the failure happened. */
    static boolean happened(String name) {
        return STATES.get(name).failed.get();
    }

    @Override
    public SessionOutput map(SessionOutput output) throws InterruptedException {
        State s = STATES.get(name);
        if (!s.checkpointed.get()) {
            if (slowMillis > 0) {
                Thread.sleep(slowMillis);
            }
        } else if (!s.failed.get() && s.afterCheckpoint.incrementAndGet() == failAt) {
            s.failed.set(true);
            throw new IllegalStateException("injected failure " + name);
        }
        return output;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        STATES.get(name).checkpointed.set(true);
    }
}
