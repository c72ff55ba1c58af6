package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bcistream.streaming.lsl.InletOptions;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslClock;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslException;
import org.bcistream.streaming.lsl.LslLostException;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.LslProtocolException;
import org.bcistream.streaming.lsl.LslTimeoutException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.lsl.TimeCorrection;
import org.bcistream.streaming.lsl.internal.wire.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure-Java inlet. A receiver thread ({@code lsl-inlet-<name>-data}) connects with {@link FeedClient}, deduces the
 * time stamps of samples sent without one ({@code previous + 1/rate}, the previous starting at 0 on each
 * connection) and copies samples into a {@link SampleRing} of the inlet's buffer size, which drops the oldest when
 * the application does not keep up. On a broken connection it waits 500 ms and reconnects; a recoverable inlet first
 * re-resolves by source id ({@link InletConnection}) and follows the stream to a new outlet, otherwise the inlet is
 * lost. A protocol violation (e.g. a wrong test pattern) is fatal. For recoverable inlets a watchdog thread
 * re-resolves when no data arrived for {@code WatchdogTimeThreshold} (checked every {@code WatchdogCheckInterval}).
 *
 * <p>Deviation from liblsl: after a loss, pulls still return the samples already buffered before throwing
 * {@link LslLostException}; liblsl discards them.
 */
public final class PureStreamInlet implements StreamInlet {
    private static final Logger LOG = LoggerFactory.getLogger(PureStreamInlet.class);
    private static final long RECONNECT_NANOS = 500_000_000L;
    private static final long INFO_ATTEMPT_MILLIS = 5000;

    private final LslConfig config;
    private final InletOptions options;
    private final InletConnection connection;
    private final int channelCount;
    private final int bufferSamples;
    private final SampleRing buffer;
    private final TimeReceiver time;
    private final String threadPrefix;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ReentrantLock pullLock = new ReentrantLock();
    private final PullTarget target;
    private final double[] oneTimestamp = new double[1];
    private final AtomicLong received = new AtomicLong();
    private volatile long lastReceiveNanos = System.nanoTime();
    private volatile Socket socket;
    private boolean connected;
    private boolean closed;
    private LslException failure;
    private Thread receiver;
    private Thread watchdog;
    private StreamInfo fullInfo;

    /**
     * An inlet for a resolved stream; nothing connects until {@link #openStream} or the first pull.
     *
     * @throws LslArgumentException if {@code info} has no address or a newer major protocol version
     */
    public PureStreamInlet(StreamInfo info, InletOptions options, LslConfig config, LslClock clock,
            Resolver resolver) {
        if (info.version() / 100 > config.protocolVersion() / 100) {
            throw new LslArgumentException("the stream " + info.name() + " uses protocol " + info.version()
                    + ", newer than this inlet's " + config.protocolVersion());
        }
        this.config = config;
        this.options = options;
        this.threadPrefix = "lsl-inlet-" + Threads.shortName(info.name());
        this.channelCount = info.channelCount();
        this.bufferSamples = options.unit().toSamples(options.maxBufferLength(), info.nominalSrate());
        this.buffer = new SampleRing(bufferSamples, info.channelFormat(), channelCount);
        this.target = new PullTarget(channelCount);
        this.connection = new InletConnection(info, options.recover(), config, resolver, this::onSwitch);
        this.time = new TimeReceiver(() -> connection.current().service(), config, clock, threadPrefix + "-time");
    }

    /** The endpoint changed to another outlet: its clock offset is unknown. */
    private void onSwitch() {
        time.reset();
    }

    /** Samples received since the inlet was created (diagnostics of the pure-Java implementation). */
    public long receivedSamples() {
        return received.get();
    }

    /** Samples dropped because the inlet's buffer was full (diagnostics of the pure-Java implementation). */
    public long droppedSamples() {
        return buffer.dropped();
    }

    // --- connection ------------------------------------------------------------------------------------------

    @Override
    public void openStream(double timeout) {
        ensureStarted();
        lock.lock();
        try {
            long remaining = SampleRing.nanos(timeout);
            while (!connected && failure == null && !closed && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            if (failure != null) {
                throw failure;
            }
            if (!connected) {
                throw new LslTimeoutException("the open_stream() operation timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LslTimeoutException("interrupted in open_stream()");
        } finally {
            lock.unlock();
        }
    }

    private void ensureStarted() {
        lock.lock();
        try {
            checkOpen();
            if (receiver == null) {
                receiver = Threads.start(threadPrefix + "-data", this::receive);
                if (connection.recoverable()) {
                    watchdog = Threads.start(threadPrefix + "-watchdog", this::watch);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void receive() {
        Sample scratch = new Sample(connection.current().info().channelFormat(), channelCount);
        while (!isClosed()) {
            Endpoint endpoint = connection.current();
            try (FeedClient client = FeedClient.open(endpoint, bufferSamples, options.maxChunkLength(), config,
                    this::track)) {
                setConnected();
                double srate = endpoint.info().nominalSrate();
                double last = 0.0;
                while (true) {
                    client.read(scratch);
                    if (scratch.isDeduced()) {
                        scratch.setTimestamp(srate > 0 ? last + 1.0 / srate : last);
                    }
                    last = scratch.timestamp();
                    buffer.offer(scratch);
                    received.incrementAndGet();
                    lastReceiveNanos = System.nanoTime();
                }
            } catch (LslProtocolException e) {
                if (!isClosed()) {
                    LOG.error("Stream {} broke the LSL protocol: {}", endpoint.info().name(), e.getMessage());
                    fail(e);
                }
                return;
            } catch (IOException | LslException e) {
                if (isClosed()) {
                    return;
                }
                if (!connection.recoverable()) {
                    fail(new LslLostException("the stream read by this inlet (" + endpoint.info().name()
                            + ") has been lost: " + e.getMessage() + "; re-resolve and create a new inlet", e));
                    return;
                }
                LOG.info("Connection to stream {} at {} broke off ({}); recovering", endpoint.info().name(),
                        endpoint.data(), e.toString());
                try {
                    if (!connection.recover(this::isClosed)) {
                        return;
                    }
                } catch (LslException resolveError) {
                    LOG.warn("A recovery attempt of {} failed: {}", endpoint.info().name(), resolveError.getMessage());
                }
            }
            pause(RECONNECT_NANOS);
        }
    }

    private void watch() {
        long interval = SampleRing.nanos(config.get(LslOptions.WATCHDOG_CHECK_INTERVAL));
        long threshold = SampleRing.nanos(config.get(LslOptions.WATCHDOG_TIME_THRESHOLD));
        while (pause(interval)) {
            if (!isConnected() || System.nanoTime() - lastReceiveNanos <= threshold) {
                continue;
            }
            Endpoint before = connection.current();
            try {
                if (connection.recover(this::isClosed) && connection.current() != before) {
                    closeSocket();
                }
            } catch (LslException e) {
                LOG.warn("Watchdog check of {} failed: {}", before.info().name(), e.getMessage());
            }
        }
    }

    /** Waits {@code nanos} unless closed first; returns whether still open. */
    private boolean pause(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!closed && left > 0) {
                left = changed.awaitNanos(left);
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void setConnected() {
        lock.lock();
        try {
            connected = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean isConnected() {
        lock.lock();
        try {
            return connected;
        } finally {
            lock.unlock();
        }
    }

    private void fail(LslException e) {
        lock.lock();
        try {
            failure = e;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        buffer.close();
        time.fail(e);
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() {
        if (isClosed()) {
            throw new IllegalStateException("inlet for " + connection.current().info().name() + " is closed");
        }
    }

    private void throwIfFailed() {
        lock.lock();
        try {
            if (failure != null) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Remembers the data socket so that close() can cancel it, closing it at once if close() came first. */
    private void track(Socket s) {
        socket = s;
        if (isClosed()) {
            closeSocket();
        }
    }

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing the data socket: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        closeSocket();
        buffer.close();
        time.close();
        Threads.join(receiver);
        Threads.join(watchdog);
    }

    // --- info and time ---------------------------------------------------------------------------------------

    @Override
    public StreamInfo info(double timeout) {
        checkOpen();
        synchronized (this) {
            if (fullInfo != null) {
                return fullInfo.copy();
            }
        }
        long deadline = System.nanoTime() + SampleRing.nanos(Math.min(timeout, 1e6));
        while (true) {
            throwIfFailed();
            long left = deadline - System.nanoTime();
            try {
                StreamInfo info = InfoRequest.fullInfo(connection.current().data(),
                        (int) Math.max(100, Math.min(INFO_ATTEMPT_MILLIS, left / 1_000_000)));
                synchronized (this) {
                    fullInfo = info;
                }
                return info.copy();
            } catch (IOException e) {
                LOG.debug("fullinfo request to {} failed: {}", connection.current().data(), e.toString());
                if (deadline - System.nanoTime() <= 0) {
                    throw new LslTimeoutException("the info() operation timed out: " + e.getMessage());
                }
                if (!pause(Math.min(RECONNECT_NANOS, Math.max(0, deadline - System.nanoTime())))) {
                    checkOpen();
                }
            }
        }
    }

    @Override
    public double timeCorrection(double timeout) {
        return timeCorrectionEstimate(timeout).correction();
    }

    @Override
    public TimeCorrection timeCorrectionEstimate(double timeout) {
        checkOpen();
        throwIfFailed();
        return time.await(SampleRing.nanos(timeout));
    }

    @Override
    public boolean wasClockReset() {
        return time.wasReset();
    }

    @Override
    public int samplesAvailable() {
        return buffer.size();
    }

    @Override
    public int flush() {
        return buffer.clear();
    }

    // --- pulling ---------------------------------------------------------------------------------------------

    private double pullOne(Object values, int length, double timeout) {
        if (length < channelCount) {
            throw new LslArgumentException("buffer of " + length + " elements for " + channelCount + " channels");
        }
        ensureStarted();
        pullLock.lock();
        try {
            if (target.pull(buffer, values, oneTimestamp, 1, SampleRing.nanos(timeout), false) == 1) {
                return oneTimestamp[0];
            }
        } finally {
            pullLock.unlock();
        }
        throwIfFailed();
        checkOpen();
        return 0.0;
    }

    private int pullMany(Object values, int length, double[] timestamps, double timeout) {
        int max = channelCount == 0 ? timestamps.length : Math.min(length / channelCount, timestamps.length);
        ensureStarted();
        int n;
        pullLock.lock();
        try {
            n = target.pull(buffer, values, timestamps, max, SampleRing.nanos(timeout), true);
        } finally {
            pullLock.unlock();
        }
        if (n == 0) {
            throwIfFailed();
            checkOpen();
        }
        return n;
    }

    @Override
    public double pullSample(float[] sample, double timeout) {
        return pullOne(sample, sample.length, timeout);
    }

    @Override
    public double pullSample(double[] sample, double timeout) {
        return pullOne(sample, sample.length, timeout);
    }

    @Override
    public double pullSample(int[] sample, double timeout) {
        return pullOne(sample, sample.length, timeout);
    }

    @Override
    public double pullSample(short[] sample, double timeout) {
        return pullOne(sample, sample.length, timeout);
    }

    @Override
    public double pullSample(byte[] sample, double timeout) {
        return pullOne(sample, sample.length, timeout);
    }

    @Override
    public double pullSample(long[] sample, double timeout) {
        return pullOne(sample, sample.length, timeout);
    }

    @Override
    public double pullSample(String[] sample, double timeout) {
        return pullOne(sample, sample.length, timeout);
    }

    @Override
    public int pullChunk(float[] data, double[] timestamps, double timeout) {
        return pullMany(data, data.length, timestamps, timeout);
    }

    @Override
    public int pullChunk(double[] data, double[] timestamps, double timeout) {
        return pullMany(data, data.length, timestamps, timeout);
    }

    @Override
    public int pullChunk(int[] data, double[] timestamps, double timeout) {
        return pullMany(data, data.length, timestamps, timeout);
    }

    @Override
    public int pullChunk(short[] data, double[] timestamps, double timeout) {
        return pullMany(data, data.length, timestamps, timeout);
    }

    @Override
    public int pullChunk(byte[] data, double[] timestamps, double timeout) {
        return pullMany(data, data.length, timestamps, timeout);
    }

    @Override
    public int pullChunk(long[] data, double[] timestamps, double timeout) {
        return pullMany(data, data.length, timestamps, timeout);
    }

    @Override
    public int pullChunk(String[] data, double[] timestamps, double timeout) {
        return pullMany(data, data.length, timestamps, timeout);
    }

    /** Whether {@link #close()} was called. */
    boolean closed() {
        return isClosed();
    }
}
