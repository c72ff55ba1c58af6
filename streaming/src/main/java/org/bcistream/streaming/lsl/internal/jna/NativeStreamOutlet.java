package org.bcistream.streaming.lsl.internal.jna;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamOutlet;

/**
 * An outlet of the native liblsl ({@code lsl_outlet}). Argument sizes are checked in Java before any call, because
 * liblsl reads {@code channelCount} values per sample from the buffers it is given; chunk sizes are passed in
 * values ({@code samples x channels}) as the C API expects; strings go through the {@code _buf} functions as UTF-8.
 */
final class NativeStreamOutlet implements StreamOutlet {
    @FunctionalInterface
    private interface Call {
        int call(Pointer outlet);
    }

    private final LslLibrary lib;
    private final NativeHandle handle;
    private final StreamInfo info;
    private final int channelCount;

    NativeStreamOutlet(LslLibrary lib, Pointer outlet) {
        this.lib = lib;
        this.handle = new NativeHandle(outlet, lib::lsl_destroy_outlet, "outlet");
        this.info = NativeInfos.take(lib, lib.lsl_get_info(outlet));
        this.channelCount = info.channelCount();
    }

    @Override
    public StreamInfo info() {
        return info.copy();
    }

    @Override
    public boolean haveConsumers() {
        return call("lsl_have_consumers", lib::lsl_have_consumers) != 0;
    }

    @Override
    public boolean waitForConsumers(double timeout) {
        return call("lsl_wait_for_consumers", h -> lib.lsl_wait_for_consumers(h, timeout)) != 0;
    }

    @Override
    public void close() {
        handle.destroy();
    }

    private int call(String function, Call c) {
        Pointer h = handle.acquire();
        try {
            int result = c.call(h);
            NativeErrors.check(lib, result, function);
            return result;
        } finally {
            handle.release();
        }
    }

    private void checkSample(int length) {
        if (length < channelCount) {
            throw new LslArgumentException("sample of " + length + " values for " + channelCount + " channels");
        }
    }

    private NativeLong values(int length, int samples) {
        if (samples < 0 || (long) samples * channelCount > length) {
            throw new LslArgumentException("chunk of " + samples + " samples x " + channelCount
                    + " channels does not fit " + length + " values");
        }
        return new NativeLong((long) samples * channelCount);
    }

    private NativeLong values(int length, int samples, int timestamps) {
        if (timestamps < samples) {
            throw new LslArgumentException(timestamps + " time stamps for " + samples + " samples");
        }
        return values(length, samples);
    }

    private static int flag(boolean b) {
        return b ? 1 : 0;
    }

    @Override
    public void pushSample(float[] s, double t, boolean p) {
        checkSample(s.length);
        call("lsl_push_sample_ftp", h -> lib.lsl_push_sample_ftp(h, s, t, flag(p)));
    }

    @Override
    public void pushSample(double[] s, double t, boolean p) {
        checkSample(s.length);
        call("lsl_push_sample_dtp", h -> lib.lsl_push_sample_dtp(h, s, t, flag(p)));
    }

    @Override
    public void pushSample(int[] s, double t, boolean p) {
        checkSample(s.length);
        call("lsl_push_sample_itp", h -> lib.lsl_push_sample_itp(h, s, t, flag(p)));
    }

    @Override
    public void pushSample(short[] s, double t, boolean p) {
        checkSample(s.length);
        call("lsl_push_sample_stp", h -> lib.lsl_push_sample_stp(h, s, t, flag(p)));
    }

    @Override
    public void pushSample(byte[] s, double t, boolean p) {
        checkSample(s.length);
        call("lsl_push_sample_ctp", h -> lib.lsl_push_sample_ctp(h, s, t, flag(p)));
    }

    @Override
    public void pushSample(long[] s, double t, boolean p) {
        checkSample(s.length);
        call("lsl_push_sample_ltp", h -> lib.lsl_push_sample_ltp(h, s, t, flag(p)));
    }

    @Override
    public void pushSample(String[] s, double t, boolean p) {
        checkSample(s.length);
        NativeStrings strings = NativeStrings.of(s, 0, channelCount);
        call("lsl_push_sample_buftp",
                h -> lib.lsl_push_sample_buftp(h, strings.pointers(), strings.lengths(), t, flag(p)));
    }

    @Override
    public void pushChunk(float[] d, int n, double t, boolean p) {
        NativeLong v = values(d.length, n);
        call("lsl_push_chunk_ftp", h -> lib.lsl_push_chunk_ftp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(double[] d, int n, double t, boolean p) {
        NativeLong v = values(d.length, n);
        call("lsl_push_chunk_dtp", h -> lib.lsl_push_chunk_dtp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(int[] d, int n, double t, boolean p) {
        NativeLong v = values(d.length, n);
        call("lsl_push_chunk_itp", h -> lib.lsl_push_chunk_itp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(short[] d, int n, double t, boolean p) {
        NativeLong v = values(d.length, n);
        call("lsl_push_chunk_stp", h -> lib.lsl_push_chunk_stp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(byte[] d, int n, double t, boolean p) {
        NativeLong v = values(d.length, n);
        call("lsl_push_chunk_ctp", h -> lib.lsl_push_chunk_ctp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(long[] d, int n, double t, boolean p) {
        NativeLong v = values(d.length, n);
        call("lsl_push_chunk_ltp", h -> lib.lsl_push_chunk_ltp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(String[] d, int n, double t, boolean p) {
        NativeLong v = values(d.length, n);
        NativeStrings strings = NativeStrings.of(d, 0, n * channelCount);
        call("lsl_push_chunk_buftp",
                h -> lib.lsl_push_chunk_buftp(h, strings.pointers(), strings.lengths(), v, t, flag(p)));
    }

    @Override
    public void pushChunk(float[] d, int n, double[] t, boolean p) {
        NativeLong v = values(d.length, n, t.length);
        call("lsl_push_chunk_ftnp", h -> lib.lsl_push_chunk_ftnp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(double[] d, int n, double[] t, boolean p) {
        NativeLong v = values(d.length, n, t.length);
        call("lsl_push_chunk_dtnp", h -> lib.lsl_push_chunk_dtnp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(int[] d, int n, double[] t, boolean p) {
        NativeLong v = values(d.length, n, t.length);
        call("lsl_push_chunk_itnp", h -> lib.lsl_push_chunk_itnp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(short[] d, int n, double[] t, boolean p) {
        NativeLong v = values(d.length, n, t.length);
        call("lsl_push_chunk_stnp", h -> lib.lsl_push_chunk_stnp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(byte[] d, int n, double[] t, boolean p) {
        NativeLong v = values(d.length, n, t.length);
        call("lsl_push_chunk_ctnp", h -> lib.lsl_push_chunk_ctnp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(long[] d, int n, double[] t, boolean p) {
        NativeLong v = values(d.length, n, t.length);
        call("lsl_push_chunk_ltnp", h -> lib.lsl_push_chunk_ltnp(h, d, v, t, flag(p)));
    }

    @Override
    public void pushChunk(String[] d, int n, double[] t, boolean p) {
        NativeLong v = values(d.length, n, t.length);
        NativeStrings strings = NativeStrings.of(d, 0, n * channelCount);
        call("lsl_push_chunk_buftnp",
                h -> lib.lsl_push_chunk_buftnp(h, strings.pointers(), strings.lengths(), v, t, flag(p)));
    }
}
