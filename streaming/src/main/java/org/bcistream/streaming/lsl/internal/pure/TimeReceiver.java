package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.bcistream.streaming.lsl.LslClock;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslException;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.LslTimeoutException;
import org.bcistream.streaming.lsl.TimeCorrection;
import org.bcistream.streaming.lsl.internal.wire.TimeProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inlet's clock-offset estimator (spec 3.3, liblsl's {@code time_receiver}), started by the first request. Every
 * {@code TimeUpdateInterval} seconds a round sends {@code TimeProbeCount} probes {@code TimeProbeInterval} apart to
 * the outlet's service port and collects replies of the round's wave id until {@code TimeProbeMaxRTT + interval x
 * count} after the start. With at least {@code TimeUpdateMinProbes} replies, the probe of the smallest round-trip
 * time becomes the estimate: correction = -offset, uncertainty = its RTT. A recovery clears the estimate and sets the
 * clock-reset flag.
 */
final class TimeReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimeReceiver.class);

    private final Supplier<InetSocketAddress> service;
    private final LslConfig config;
    private final LslClock clock;
    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private TimeCorrection estimate;
    private boolean reset;
    private long generation;
    private boolean closed;
    private LslException failure;
    private Thread thread;
    private DatagramSocket socket;

    TimeReceiver(Supplier<InetSocketAddress> service, LslConfig config, LslClock clock, String threadName) {
        this.service = service;
        this.config = config;
        this.clock = clock;
        this.threadName = threadName;
    }

    /**
     * The latest estimate, waiting up to {@code timeoutNanos} for the first one.
     *
     * @throws LslTimeoutException if there is none in time
     * @throws LslException the failure set by {@link #fail}
     */
    TimeCorrection await(long timeoutNanos) {
        lock.lock();
        try {
            if (estimate == null && failure == null && !closed && thread == null) {
                start();
            }
            long remaining = timeoutNanos;
            while (estimate == null && failure == null && !closed && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            if (failure != null) {
                throw failure;
            }
            if (estimate == null) {
                throw new LslTimeoutException("the time_correction() operation timed out");
            }
            return estimate;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LslTimeoutException("interrupted while waiting for time_correction()");
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the estimate after a switch to another outlet; {@link #wasReset()} then reports it once. */
    void reset() {
        lock.lock();
        try {
            if (estimate != null) {
                reset = true;
            }
            estimate = null;
            generation++;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the estimate was reset since the last call; clears the flag. */
    boolean wasReset() {
        lock.lock();
        try {
            boolean r = reset;
            reset = false;
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** Makes waiting and future requests throw {@code e} (the stream is lost). */
    void fail(LslException e) {
        lock.lock();
        try {
            failure = e;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        Thread t;
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            if (socket != null) {
                socket.close();
            }
            t = thread;
        } finally {
            lock.unlock();
        }
        Threads.join(t);
    }

    private void start() {
        try {
            socket = new DatagramSocket();
        } catch (IOException e) {
            throw new LslException("cannot open a UDP socket for time correction: " + e.getMessage(), e);
        }
        thread = Threads.start(threadName, this::run);
    }

    private void run() {
        long interval = SampleRing.nanos(config.get(LslOptions.TIME_UPDATE_INTERVAL));
        while (!isClosed()) {
            long start = System.nanoTime();
            try {
                round(start);
            } catch (IOException e) {
                if (!isClosed()) {
                    LOG.debug("time probe round failed: {}", e.toString());
                }
            }
            lock.lock();
            try {
                long left = start + interval - System.nanoTime();
                while (!closed && left > 0) {
                    left = changed.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private void round(long start) throws IOException {
        int count = config.get(LslOptions.TIME_PROBE_COUNT);
        long interval = SampleRing.nanos(config.get(LslOptions.TIME_PROBE_INTERVAL));
        long end = start + SampleRing.nanos(config.get(LslOptions.TIME_PROBE_MAX_RTT)) + interval * count;
        int wave = ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
        long roundGeneration = generation();
        InetSocketAddress target = service.get();
        byte[] buffer = new byte[1024];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        int sent = 0;
        int replies = 0;
        TimeCorrection best = null;
        while (!isClosed()) {
            long now = System.nanoTime();
            if (now - end >= 0) {
                break;
            }
            if (sent < count && now - (start + sent * interval) >= 0) {
                byte[] request = TimeProbe.encodeRequest(wave, clock.now());
                socket.send(new DatagramPacket(request, request.length, target));
                sent++;
                continue;
            }
            long next = sent < count ? Math.min(end, start + sent * interval) : end;
            socket.setSoTimeout((int) Math.max(1, (next - now) / 1_000_000));
            try {
                reply.setLength(buffer.length);
                socket.receive(reply);
            } catch (SocketTimeoutException e) {
                continue;
            }
            double t3 = clock.now();
            Optional<TimeProbe> probe = TimeProbe.parseReply(
                    new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
            if (probe.isEmpty() || probe.get().waveId() != wave) {
                continue;
            }
            replies++;
            double rtt = probe.get().roundTripTime(t3);
            if (best == null || rtt < best.uncertainty()) {
                best = new TimeCorrection(-probe.get().offset(t3), probe.get().remoteTime(), rtt);
            }
        }
        if (best != null && replies >= config.get(LslOptions.TIME_UPDATE_MIN_PROBES)) {
            lock.lock();
            try {
                if (generation == roundGeneration) {
                    estimate = best;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
