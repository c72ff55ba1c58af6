package org.bcistream.streaming.lsl.internal.pure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bcistream.streaming.lsl.internal.wire.Sample;

/**
 * The queues of an outlet's connected consumers (liblsl's {@code send_buffer}): every pushed sample is copied into
 * each queue. Thread-safe.
 */
final class ConsumerRegistry {
    private final List<SampleRing> rings = new CopyOnWriteArrayList<>();
    private final Object change = new Object();

    /** Copies {@code s} into every consumer's queue. */
    void push(Sample s) {
        for (SampleRing ring : rings) {
            ring.offer(s);
        }
    }

    void add(SampleRing ring) {
        synchronized (change) {
            rings.add(ring);
            change.notifyAll();
        }
    }

    void remove(SampleRing ring) {
        rings.remove(ring);
    }

    boolean any() {
        return !rings.isEmpty();
    }

    /** Waits up to {@code nanos} for a consumer; returns whether there is one. */
    boolean await(long nanos) {
        long deadline = System.nanoTime() + nanos;
        synchronized (change) {
            while (rings.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    change.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return !rings.isEmpty();
                }
            }
            return true;
        }
    }

    /** Closes every queue, which ends their senders. */
    void closeAll() {
        for (SampleRing ring : rings) {
            ring.close();
        }
    }
}
