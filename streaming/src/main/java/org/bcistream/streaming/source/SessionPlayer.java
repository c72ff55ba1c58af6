package org.bcistream.streaming.source;

import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.streaming.config.Pacing;

/**
 * Plays sessions outside a Flink job, as a device or an acquisition service would: the blocks of all sessions
 * interleaved in source time (earliest block first), each handed over no earlier than the wall-clock instant its
 * last sample would have been acquired at the given pace (at once with {@link Pacing#MAX}).
 */
public final class SessionPlayer {
    /** Receives each block's events, in order. */
    @FunctionalInterface
    public interface BlockConsumer {
        void accept(List<SessionEvent> block) throws IOException;
    }

    private final Pacing pacing;
    private final LongSupplier nanoClock;

    /**
     * @param nanoClock monotonic nanoseconds, for pacing
     */
    public SessionPlayer(Pacing pacing, LongSupplier nanoClock) {
        this.pacing = pacing;
        this.nanoClock = nanoClock;
    }

    /** Plays every block of every cursor; returns when all are done. */
    public void play(List<? extends SessionCursor<?>> cursors, BlockConsumer consumer) throws IOException, InterruptedException {
        double origin = Double.NaN;
        long startNanos = nanoClock.getAsLong();
        while (true) {
            SessionCursor<?> next = null;
            for (SessionCursor<?> c : cursors) {
                if (c.hasNext() && (next == null || c.nextBlockStart() < next.nextBlockStart())) {
                    next = c;
                }
            }
            if (next == null) {
                return;
            }
            if (Double.isNaN(origin)) {
                origin = next.nextBlockStart();
            }
            if (!pacing.isMax()) {
                long wait = startNanos + (long) ((next.nextBlockEnd() - origin) / pacing.speed() * 1e9) - nanoClock.getAsLong();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            consumer.accept(next.nextBlock(nanoClock.getAsLong()));
        }
    }
}
