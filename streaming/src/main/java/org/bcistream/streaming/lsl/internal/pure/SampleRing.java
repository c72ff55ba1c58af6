package org.bcistream.streaming.lsl.internal.pure;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.internal.wire.Sample;

/**
 * A bounded queue of samples that drops the <em>oldest</em> sample when a new one arrives at a full queue, as liblsl's
 * {@code consumer_queue}. Used as an outlet's per-connection queue and as an inlet's receive buffer. Slots are
 * allocated on first use and then reused, so steady-state operation does not allocate. Samples are copied in and
 * handed out under the lock. Thread-safe; closing wakes waiting consumers, who still get what is queued.
 */
final class SampleRing {
    /** Receives a queued sample; called under the lock, must copy what it needs before returning. */
    @FunctionalInterface
    interface SampleConsumer {
        void accept(Sample sample, int index);
    }

    private final Sample[] slots;
    private final ChannelFormat format;
    private final int channelCount;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private int head;
    private int size;
    private long dropped;
    private boolean closed;

    SampleRing(int capacity, ChannelFormat format, int channelCount) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " must be >= 1");
        }
        this.slots = new Sample[capacity];
        this.format = format;
        this.channelCount = channelCount;
    }

    /** Copies {@code s} in, dropping the oldest sample if full; returns whether a sample was dropped. */
    boolean offer(Sample s) {
        lock.lock();
        try {
            boolean drop = size == slots.length;
            if (drop) {
                head = (head + 1) % slots.length;
                size--;
                dropped++;
            }
            int index = (head + size) % slots.length;
            if (slots[index] == null) {
                slots[index] = new Sample(format, channelCount);
            }
            slots[index].copyFrom(s);
            size++;
            notEmpty.signalAll();
            return drop;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands up to {@code max} samples to {@code consumer}, oldest first. Waits up to {@code timeoutNanos} for the
     * first sample, or, when {@code fill}, until {@code max} have been handed out. Returns early when closed or
     * interrupted (the interrupt flag is kept).
     *
     * @return the number of samples handed out
     */
    int poll(int max, long timeoutNanos, boolean fill, SampleConsumer consumer) {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            int n = 0;
            while (true) {
                while (size > 0 && n < max) {
                    consumer.accept(slots[head], n);
                    head = (head + 1) % slots.length;
                    size--;
                    n++;
                }
                if (n == max || (n > 0 && !fill) || closed || remaining <= 0) {
                    return n;
                }
                try {
                    remaining = notEmpty.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return n;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Samples queued. */
    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Empties the queue; returns how many samples were removed. */
    int clear() {
        lock.lock();
        try {
            int n = size;
            head = 0;
            size = 0;
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Samples dropped because the queue was full. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting consumer; later polls return what is queued without waiting. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Nanoseconds for a timeout in seconds, saturated. */
    static long nanos(double seconds) {
        if (!(seconds > 0)) {
            return 0;
        }
        return seconds >= Long.MAX_VALUE / 1e9 ? Long.MAX_VALUE : (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }
}
