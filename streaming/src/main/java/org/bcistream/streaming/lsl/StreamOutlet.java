package org.bcistream.streaming.lsl;

/**
 * Publishes one stream on the network (liblsl's {@code stream_outlet}). Thread-safe; close it to withdraw the stream.
 *
 * <p>Pushes take any Java value type and convert to the stream's channel format as liblsl does (numeric casts,
 * decimal text for strings). Every sample array must hold at least {@code channelCount} values; chunks are
 * multiplexed (sample-major, {@code channelCount} values per sample), and the sample count of a chunk is given
 * explicitly or is {@code data.length / channelCount}, which must then divide evenly.
 *
 * <p>Time stamps are LSL seconds. {@code 0.0} means "now" on the outlet's clock; {@link Lsl#DEDUCED_TIMESTAMP}
 * sends no time stamp and lets the receiver deduce {@code previous + 1/rate}. A chunk pushed with one time stamp
 * gives it to the <em>last</em> sample: the first sample is back-dated by {@code (n-1)/rate} on regular streams and
 * the others are deduced. {@code pushthrough} (default true) sends the data at once instead of waiting for the chunk
 * size; it applies to the last sample of a chunk.
 *
 * <p>Each consumer has its own queue of at most the outlet's buffer (capped by the consumer's request); when a
 * consumer falls behind, its oldest samples are dropped, never the pushing thread blocked.
 */
public interface StreamOutlet extends AutoCloseable {

    /** The stream as published, with the uid, creation time, session id, host name and ports this outlet set. */
    StreamInfo info();

    /** Whether at least one inlet is connected. */
    boolean haveConsumers();

    /** Waits up to {@code timeout} seconds for a consumer; returns whether one is connected. */
    boolean waitForConsumers(double timeout);

    /** Withdraws the stream and closes every connection; idempotent. */
    @Override
    void close();

    // --- one sample -------------------------------------------------------------------------------------------

    /**
     * Pushes one sample.
     *
     * @param sample at least {@code channelCount} values
     * @param timestamp LSL seconds, 0.0 = now, {@link Lsl#DEDUCED_TIMESTAMP} = deduced by the receiver
     * @param pushthrough send at once rather than when the chunk is full
     * @throws LslArgumentException if {@code sample} is too short
     * @throws IllegalStateException if the outlet is closed
     */
    void pushSample(float[] sample, double timestamp, boolean pushthrough);

    void pushSample(double[] sample, double timestamp, boolean pushthrough);

    void pushSample(int[] sample, double timestamp, boolean pushthrough);

    void pushSample(short[] sample, double timestamp, boolean pushthrough);

    void pushSample(byte[] sample, double timestamp, boolean pushthrough);

    void pushSample(long[] sample, double timestamp, boolean pushthrough);

    void pushSample(String[] sample, double timestamp, boolean pushthrough);

    default void pushSample(float[] sample) {
        pushSample(sample, 0.0, true);
    }

    default void pushSample(double[] sample) {
        pushSample(sample, 0.0, true);
    }

    default void pushSample(int[] sample) {
        pushSample(sample, 0.0, true);
    }

    default void pushSample(short[] sample) {
        pushSample(sample, 0.0, true);
    }

    default void pushSample(byte[] sample) {
        pushSample(sample, 0.0, true);
    }

    default void pushSample(long[] sample) {
        pushSample(sample, 0.0, true);
    }

    default void pushSample(String[] sample) {
        pushSample(sample, 0.0, true);
    }

    default void pushSample(float[] sample, double timestamp) {
        pushSample(sample, timestamp, true);
    }

    default void pushSample(double[] sample, double timestamp) {
        pushSample(sample, timestamp, true);
    }

    default void pushSample(int[] sample, double timestamp) {
        pushSample(sample, timestamp, true);
    }

    default void pushSample(short[] sample, double timestamp) {
        pushSample(sample, timestamp, true);
    }

    default void pushSample(byte[] sample, double timestamp) {
        pushSample(sample, timestamp, true);
    }

    default void pushSample(long[] sample, double timestamp) {
        pushSample(sample, timestamp, true);
    }

    default void pushSample(String[] sample, double timestamp) {
        pushSample(sample, timestamp, true);
    }

    // --- a chunk with one time stamp (of its last sample) ----------------------------------------------------------

    /**
     * Pushes the first {@code samples} samples of {@code data}.
     *
     * @param data multiplexed values, at least {@code samples * channelCount}
     * @param samples number of samples, {@code >= 0}
     * @param timestamp the time stamp of the last sample, 0.0 = now
     * @param pushthrough send at once
     * @throws LslArgumentException if {@code data} is too short or {@code samples < 0}
     * @throws IllegalStateException if the outlet is closed
     */
    void pushChunk(float[] data, int samples, double timestamp, boolean pushthrough);

    void pushChunk(double[] data, int samples, double timestamp, boolean pushthrough);

    void pushChunk(int[] data, int samples, double timestamp, boolean pushthrough);

    void pushChunk(short[] data, int samples, double timestamp, boolean pushthrough);

    void pushChunk(byte[] data, int samples, double timestamp, boolean pushthrough);

    void pushChunk(long[] data, int samples, double timestamp, boolean pushthrough);

    void pushChunk(String[] data, int samples, double timestamp, boolean pushthrough);

    default void pushChunk(float[] data) {
        pushChunk(data, samplesIn(data.length), 0.0, true);
    }

    default void pushChunk(double[] data) {
        pushChunk(data, samplesIn(data.length), 0.0, true);
    }

    default void pushChunk(int[] data) {
        pushChunk(data, samplesIn(data.length), 0.0, true);
    }

    default void pushChunk(short[] data) {
        pushChunk(data, samplesIn(data.length), 0.0, true);
    }

    default void pushChunk(byte[] data) {
        pushChunk(data, samplesIn(data.length), 0.0, true);
    }

    default void pushChunk(long[] data) {
        pushChunk(data, samplesIn(data.length), 0.0, true);
    }

    default void pushChunk(String[] data) {
        pushChunk(data, samplesIn(data.length), 0.0, true);
    }

    default void pushChunk(float[] data, double timestamp) {
        pushChunk(data, samplesIn(data.length), timestamp, true);
    }

    default void pushChunk(double[] data, double timestamp) {
        pushChunk(data, samplesIn(data.length), timestamp, true);
    }

    default void pushChunk(int[] data, double timestamp) {
        pushChunk(data, samplesIn(data.length), timestamp, true);
    }

    default void pushChunk(short[] data, double timestamp) {
        pushChunk(data, samplesIn(data.length), timestamp, true);
    }

    default void pushChunk(byte[] data, double timestamp) {
        pushChunk(data, samplesIn(data.length), timestamp, true);
    }

    default void pushChunk(long[] data, double timestamp) {
        pushChunk(data, samplesIn(data.length), timestamp, true);
    }

    default void pushChunk(String[] data, double timestamp) {
        pushChunk(data, samplesIn(data.length), timestamp, true);
    }

    // --- a chunk with one time stamp per sample -----------------------------------------------------------------

    /**
     * Pushes the first {@code samples} samples of {@code data} with their own time stamps.
     *
     * @param data multiplexed values, at least {@code samples * channelCount}
     * @param samples number of samples, {@code >= 0}
     * @param timestamps at least {@code samples} time stamps (0.0 = now, {@link Lsl#DEDUCED_TIMESTAMP} = deduced)
     * @param pushthrough send at once
     * @throws LslArgumentException if an array is too short or {@code samples < 0}
     * @throws IllegalStateException if the outlet is closed
     */
    void pushChunk(float[] data, int samples, double[] timestamps, boolean pushthrough);

    void pushChunk(double[] data, int samples, double[] timestamps, boolean pushthrough);

    void pushChunk(int[] data, int samples, double[] timestamps, boolean pushthrough);

    void pushChunk(short[] data, int samples, double[] timestamps, boolean pushthrough);

    void pushChunk(byte[] data, int samples, double[] timestamps, boolean pushthrough);

    void pushChunk(long[] data, int samples, double[] timestamps, boolean pushthrough);

    void pushChunk(String[] data, int samples, double[] timestamps, boolean pushthrough);

    default void pushChunk(float[] data, double[] timestamps) {
        pushChunk(data, samplesIn(data.length), timestamps, true);
    }

    default void pushChunk(double[] data, double[] timestamps) {
        pushChunk(data, samplesIn(data.length), timestamps, true);
    }

    default void pushChunk(int[] data, double[] timestamps) {
        pushChunk(data, samplesIn(data.length), timestamps, true);
    }

    default void pushChunk(short[] data, double[] timestamps) {
        pushChunk(data, samplesIn(data.length), timestamps, true);
    }

    default void pushChunk(byte[] data, double[] timestamps) {
        pushChunk(data, samplesIn(data.length), timestamps, true);
    }

    default void pushChunk(long[] data, double[] timestamps) {
        pushChunk(data, samplesIn(data.length), timestamps, true);
    }

    default void pushChunk(String[] data, double[] timestamps) {
        pushChunk(data, samplesIn(data.length), timestamps, true);
    }

    /**
     * The number of whole samples in {@code values} multiplexed values.
     *
     * @throws LslArgumentException if {@code values} is not a multiple of the channel count
     */
    private int samplesIn(int values) {
        int channels = info().channelCount();
        if (channels == 0) {
            return 0;
        }
        if (values % channels != 0) {
            throw new LslArgumentException(values + " values are not a multiple of the channel count " + channels);
        }
        return values / channels;
    }
}
