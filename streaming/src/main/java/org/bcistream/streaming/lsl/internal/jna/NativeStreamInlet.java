package org.bcistream.streaming.lsl.internal.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.concurrent.locks.ReentrantLock;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.lsl.TimeCorrection;

/**
 * An inlet of the native liblsl ({@code lsl_inlet}). Waits are passed to liblsl in slices of at most 0.2 s, so that
 * {@link #close()} from another thread ends a blocked call promptly and the handle is never destroyed under a call.
 * Chunks are pulled into native buffers owned by the inlet (sized in values, {@code samples x channels}), the value
 * count liblsl returns is converted to samples, and the values are copied into the caller's arrays. Strings use the
 * {@code _buf} functions; every string liblsl allocates (for chunks: one per buffer element, filled or not) is freed.
 */
final class NativeStreamInlet implements StreamInlet {
    private static final double SLICE = 0.2;

    @FunctionalInterface
    private interface Call<T> {
        T call(Pointer inlet, double timeout, int[] ec);
    }

    @FunctionalInterface
    private interface ChunkCall {
        NativeLong call(Pointer inlet, Pointer data, Pointer timestamps, NativeLong values, NativeLong samples,
                double timeout, int[] ec);
    }

    private final LslLibrary lib;
    private final NativeHandle handle;
    private final int channelCount;
    private final ReentrantLock pullLock = new ReentrantLock();
    private Memory data;
    private Memory lengths;
    private Memory timestamps;

    NativeStreamInlet(LslLibrary lib, Pointer inlet, StreamInfo info) {
        this.lib = lib;
        this.handle = new NativeHandle(inlet, lib::lsl_destroy_inlet, "inlet");
        this.channelCount = info.channelCount();
    }

    /** The {@code System.nanoTime()} at which {@code timeout} seconds from now end; FOREVER fits. */
    private static long deadline(double timeout) {
        return System.nanoTime() + (long) (Math.max(0, Math.min(timeout, 1e9)) * 1e9);
    }

    /** Runs {@code call} in slices until it succeeds, fails otherwise than by timeout, or {@code timeout} passes. */
    private <T> T sliced(String function, double timeout, Call<T> call) {
        long deadline = deadline(timeout);
        while (true) {
            double left = Math.max(0, (deadline - System.nanoTime()) / 1e9);
            int[] ec = {0};
            T result;
            Pointer h = handle.acquire();
            try {
                result = call.call(h, Math.min(SLICE, left), ec);
            } finally {
                handle.release();
            }
            if (ec[0] == NativeErrors.TIMEOUT && left > SLICE) {
                continue;
            }
            NativeErrors.check(lib, ec[0], function);
            return result;
        }
    }

    @Override
    public StreamInfo info(double timeout) {
        Pointer info = sliced("lsl_get_fullinfo", timeout, lib::lsl_get_fullinfo);
        return NativeInfos.take(lib, info);
    }

    @Override
    public void openStream(double timeout) {
        sliced("lsl_open_stream", timeout, (h, t, ec) -> {
            lib.lsl_open_stream(h, t, ec);
            return null;
        });
    }

    @Override
    public double timeCorrection(double timeout) {
        return timeCorrectionEstimate(timeout).correction();
    }

    @Override
    public TimeCorrection timeCorrectionEstimate(double timeout) {
        double[] remote = new double[1];
        double[] uncertainty = new double[1];
        double correction = sliced("lsl_time_correction_ex", timeout,
                (h, t, ec) -> lib.lsl_time_correction_ex(h, remote, uncertainty, t, ec));
        return new TimeCorrection(correction, remote[0], uncertainty[0]);
    }

    @Override
    public boolean wasClockReset() {
        Pointer h = handle.acquire();
        try {
            return lib.lsl_was_clock_reset(h) != 0;
        } finally {
            handle.release();
        }
    }

    @Override
    public int samplesAvailable() {
        Pointer h = handle.acquire();
        try {
            return lib.lsl_samples_available(h);
        } finally {
            handle.release();
        }
    }

    @Override
    public int flush() {
        Pointer h = handle.acquire();
        try {
            return lib.lsl_inlet_flush(h);
        } finally {
            handle.release();
        }
    }

    @Override
    public void close() {
        handle.destroy();
    }

    // --- samples ---------------------------------------------------------------------------------------------

    private void checkSample(int length) {
        if (length < channelCount) {
            throw new LslArgumentException("buffer of " + length + " elements for " + channelCount + " channels");
        }
    }

    /** Pulls one sample, slicing the wait; 0.0 if none arrived in time. */
    private double pullOne(String function, double timeout, Call<Double> call) {
        long deadline = deadline(timeout);
        while (true) {
            double left = Math.max(0, (deadline - System.nanoTime()) / 1e9);
            double t = sliced(function, 0, (h, ignored, ec) -> call.call(h, Math.min(SLICE, left), ec));
            if (t != 0.0 || left <= SLICE) {
                return t;
            }
        }
    }

    @Override
    public double pullSample(float[] s, double timeout) {
        checkSample(s.length);
        return pullOne("lsl_pull_sample_f", timeout, (h, t, ec) -> lib.lsl_pull_sample_f(h, s, channelCount, t, ec));
    }

    @Override
    public double pullSample(double[] s, double timeout) {
        checkSample(s.length);
        return pullOne("lsl_pull_sample_d", timeout, (h, t, ec) -> lib.lsl_pull_sample_d(h, s, channelCount, t, ec));
    }

    @Override
    public double pullSample(int[] s, double timeout) {
        checkSample(s.length);
        return pullOne("lsl_pull_sample_i", timeout, (h, t, ec) -> lib.lsl_pull_sample_i(h, s, channelCount, t, ec));
    }

    @Override
    public double pullSample(short[] s, double timeout) {
        checkSample(s.length);
        return pullOne("lsl_pull_sample_s", timeout, (h, t, ec) -> lib.lsl_pull_sample_s(h, s, channelCount, t, ec));
    }

    @Override
    public double pullSample(byte[] s, double timeout) {
        checkSample(s.length);
        return pullOne("lsl_pull_sample_c", timeout, (h, t, ec) -> lib.lsl_pull_sample_c(h, s, channelCount, t, ec));
    }

    @Override
    public double pullSample(long[] s, double timeout) {
        checkSample(s.length);
        return pullOne("lsl_pull_sample_l", timeout, (h, t, ec) -> lib.lsl_pull_sample_l(h, s, channelCount, t, ec));
    }

    @Override
    public double pullSample(String[] s, double timeout) {
        checkSample(s.length);
        Pointer[] pointers = new Pointer[channelCount];
        int[] sizes = new int[channelCount];
        return pullOne("lsl_pull_sample_buf", timeout, (h, t, ec) -> {
            double stamp = 0.0;
            try {
                stamp = lib.lsl_pull_sample_buf(h, pointers, sizes, channelCount, t, ec);
                return stamp;
            } finally {
                NativeStrings.take(lib, pointers, sizes, s, 0, ec[0] == 0 && stamp != 0.0 ? channelCount : 0);
            }
        });
    }

    // --- chunks ----------------------------------------------------------------------------------------------

    private int capacity(int length, double[] ts) {
        return channelCount == 0 ? 0 : Math.min(length / channelCount, ts.length);
    }

    /**
     * Pulls up to {@code n} samples into the native buffers, as liblsl's pull_chunk (until full or timeout), with
     * the wait sliced; returns the number of samples.
     */
    private int pullNative(String function, int n, int width, double timeout, ChunkCall call) {
        ensureBuffers((long) n * channelCount * width, n);
        long deadline = deadline(timeout);
        int got = 0;
        while (got < n) {
            double left = Math.max(0, (deadline - System.nanoTime()) / 1e9);
            int offset = got;
            NativeLong values = sliced(function, 0, (h, ignored, ec) -> call.call(h,
                    data.share((long) offset * channelCount * width), timestamps.share((long) offset * Double.BYTES),
                    new NativeLong((long) (n - offset) * channelCount), new NativeLong(n - offset),
                    Math.min(SLICE, left), ec));
            got += (int) (values.longValue() / channelCount);
            if (left <= SLICE) {
                break;
            }
        }
        return got;
    }

    private void ensureBuffers(long dataBytes, int samples) {
        if (data == null || data.size() < Math.max(1, dataBytes)) {
            data = new Memory(Math.max(1, dataBytes));
        }
        if (timestamps == null || timestamps.size() < Math.max(1, (long) samples * Double.BYTES)) {
            timestamps = new Memory(Math.max(1, (long) samples * Double.BYTES));
        }
    }

    private interface Reader {
        void read(Memory data, int values);
    }

    private int pullChunk(String function, int n, int width, double[] ts, double timeout, ChunkCall call,
            Reader reader) {
        if (n == 0) {
            return 0;
        }
        pullLock.lock();
        try {
            int got = pullNative(function, n, width, timeout, call);
            reader.read(data, got * channelCount);
            timestamps.read(0, ts, 0, got);
            return got;
        } finally {
            pullLock.unlock();
        }
    }

    @Override
    public int pullChunk(float[] d, double[] ts, double timeout) {
        return pullChunk("lsl_pull_chunk_f", capacity(d.length, ts), Float.BYTES, ts, timeout, lib::lsl_pull_chunk_f,
                (m, v) -> m.read(0, d, 0, v));
    }

    @Override
    public int pullChunk(double[] d, double[] ts, double timeout) {
        return pullChunk("lsl_pull_chunk_d", capacity(d.length, ts), Double.BYTES, ts, timeout,
                lib::lsl_pull_chunk_d, (m, v) -> m.read(0, d, 0, v));
    }

    @Override
    public int pullChunk(int[] d, double[] ts, double timeout) {
        return pullChunk("lsl_pull_chunk_i", capacity(d.length, ts), Integer.BYTES, ts, timeout,
                lib::lsl_pull_chunk_i, (m, v) -> m.read(0, d, 0, v));
    }

    @Override
    public int pullChunk(short[] d, double[] ts, double timeout) {
        return pullChunk("lsl_pull_chunk_s", capacity(d.length, ts), Short.BYTES, ts, timeout,
                lib::lsl_pull_chunk_s, (m, v) -> m.read(0, d, 0, v));
    }

    @Override
    public int pullChunk(byte[] d, double[] ts, double timeout) {
        return pullChunk("lsl_pull_chunk_c", capacity(d.length, ts), Byte.BYTES, ts, timeout, lib::lsl_pull_chunk_c,
                (m, v) -> m.read(0, d, 0, v));
    }

    @Override
    public int pullChunk(long[] d, double[] ts, double timeout) {
        return pullChunk("lsl_pull_chunk_l", capacity(d.length, ts), Long.BYTES, ts, timeout, lib::lsl_pull_chunk_l,
                (m, v) -> m.read(0, d, 0, v));
    }

    @Override
    public int pullChunk(String[] d, double[] ts, double timeout) {
        int n = capacity(d.length, ts);
        if (n == 0) {
            return 0;
        }
        pullLock.lock();
        try {
            int elements = n * channelCount;
            if (lengths == null || lengths.size() < (long) elements * Integer.BYTES) {
                lengths = new Memory((long) elements * Integer.BYTES);
            }
            return pullNative("lsl_pull_chunk_buf", n, Native.POINTER_SIZE, timeout,
                    (h, ptrs, times, values, samples, t, ec) -> pullStrings(h, ptrs, times, values, samples, t, ec,
                            d, ts, n));
        } finally {
            pullLock.unlock();
        }
    }

    /** One string chunk call: liblsl allocates every element it is given, so all are copied or freed here. */
    private NativeLong pullStrings(Pointer h, Pointer ptrs, Pointer times, NativeLong values, NativeLong samples,
            double t, int[] ec, String[] out, double[] ts, int n) {
        int elements = (int) values.longValue();
        int first = n * channelCount - elements;
        ptrs.clear((long) elements * Native.POINTER_SIZE);
        NativeLong got = lib.lsl_pull_chunk_buf(h, ptrs, lengths, times, values, samples, t, ec);
        int filled = ec[0] == 0 ? (int) got.longValue() : 0;
        Pointer[] pointers = ptrs.getPointerArray(0, elements);
        int[] sizes = lengths.getIntArray(0, elements);
        NativeStrings.take(lib, pointers, sizes, out, first, filled);
        times.read(0, ts, first / channelCount, filled / channelCount);
        return got;
    }
}
