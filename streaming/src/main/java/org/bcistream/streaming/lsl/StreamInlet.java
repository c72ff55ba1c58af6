package org.bcistream.streaming.lsl;

/**
 * Receives one stream (liblsl's {@code stream_inlet}). Samples are pulled into caller-supplied arrays, converted from
 * the stream's channel format as liblsl does; nothing is allocated per sample by the caller's side of the API.
 *
 * <p>The connection opens on {@link #openStream} or on the first pull. Time stamps are in the <em>sender's</em> clock;
 * add {@link #timeCorrection} to map them into the local clock. Samples that the application does not pull in time
 * are dropped oldest-first once the inlet's buffer ({@link InletOptions#maxBufferLength()}) is full.
 *
 * <p>When the connection breaks and {@link InletOptions#recover()} is on and the stream has a source id, the inlet
 * reconnects, to the same source id, possibly a new outlet; otherwise pulls return what is buffered and then throw
 * {@link LslLostException}. A recoverable inlet keeps trying until it is closed; as in liblsl, a recovery shows as a gap in
 * the time stamps and, once a time correction was obtained, as {@link #wasClockReset()}. Pulls are thread-safe; {@link #close()} ends blocked pulls,
 * which then throw {@link IllegalStateException}.
 */
public interface StreamInlet extends AutoCloseable {

    /**
     * The full stream info, with its desc tree, fetched from the outlet once and cached.
     *
     * @param timeout seconds to wait
     * @throws LslTimeoutException if the outlet did not answer in time
     * @throws LslLostException if the stream is lost
     */
    StreamInfo info(double timeout);

    /** {@link #info(double)} waiting forever. */
    default StreamInfo info() {
        return info(Lsl.FOREVER);
    }

    /**
     * Connects and waits until the outlet's test patterns have checked out.
     *
     * @param timeout seconds to wait
     * @throws LslTimeoutException if the connection is not up in time
     * @throws LslLostException if the stream is lost
     * @throws LslProtocolException if the outlet breaks the protocol (e.g. wrong test patterns)
     */
    void openStream(double timeout);

    /** {@link #openStream(double)} waiting forever. */
    default void openStream() {
        openStream(Lsl.FOREVER);
    }

    /**
     * Seconds to add to this stream's time stamps to map them into the local clock (local - remote), from the best
     * of the latest probes by round-trip time; refreshed every {@code TimeUpdateInterval}.
     *
     * @param timeout seconds to wait for the first estimate
     * @throws LslTimeoutException if no estimate is available in time
     * @throws LslLostException if the stream is lost
     */
    double timeCorrection(double timeout);

    /** As {@link #timeCorrection(double)}, with the remote time and uncertainty of the estimate. */
    TimeCorrection timeCorrectionEstimate(double timeout);

    /** Whether the clock offset may have jumped (the inlet reconnected) since the last call; clears the flag. */
    boolean wasClockReset();

    /**
     * Pulls one sample into {@code sample}.
     *
     * @param sample at least {@code channelCount} elements; the first {@code channelCount} are written
     * @param timeout seconds to wait, 0.0 = do not wait
     * @return the sample's time stamp (remote clock), or 0.0 if none arrived in time
     * @throws LslArgumentException if {@code sample} is too short
     * @throws LslLostException if the stream is lost and nothing is buffered
     * @throws LslProtocolException if the outlet broke the protocol
     * @throws IllegalStateException if the inlet is closed
     */
    double pullSample(float[] sample, double timeout);

    double pullSample(double[] sample, double timeout);

    double pullSample(int[] sample, double timeout);

    double pullSample(short[] sample, double timeout);

    double pullSample(byte[] sample, double timeout);

    double pullSample(long[] sample, double timeout);

    double pullSample(String[] sample, double timeout);

    default double pullSample(float[] sample) {
        return pullSample(sample, Lsl.FOREVER);
    }

    default double pullSample(double[] sample) {
        return pullSample(sample, Lsl.FOREVER);
    }

    default double pullSample(int[] sample) {
        return pullSample(sample, Lsl.FOREVER);
    }

    default double pullSample(short[] sample) {
        return pullSample(sample, Lsl.FOREVER);
    }

    default double pullSample(byte[] sample) {
        return pullSample(sample, Lsl.FOREVER);
    }

    default double pullSample(long[] sample) {
        return pullSample(sample, Lsl.FOREVER);
    }

    default double pullSample(String[] sample) {
        return pullSample(sample, Lsl.FOREVER);
    }

    /**
     * Pulls samples into {@code data} (multiplexed) and {@code timestamps}, as liblsl's {@code pull_chunk}: up to
     * {@code min(data.length / channelCount, timestamps.length)} samples, waiting until that many have arrived or
     * {@code timeout} has passed (0.0 = take what is there).
     *
     * @return the number of <em>samples</em> written (not values)
     * @throws LslLostException if the stream is lost and nothing is buffered
     * @throws LslProtocolException if the outlet broke the protocol
     * @throws IllegalStateException if the inlet is closed
     */
    int pullChunk(float[] data, double[] timestamps, double timeout);

    int pullChunk(double[] data, double[] timestamps, double timeout);

    int pullChunk(int[] data, double[] timestamps, double timeout);

    int pullChunk(short[] data, double[] timestamps, double timeout);

    int pullChunk(byte[] data, double[] timestamps, double timeout);

    int pullChunk(long[] data, double[] timestamps, double timeout);

    int pullChunk(String[] data, double[] timestamps, double timeout);

    default int pullChunk(float[] data, double[] timestamps) {
        return pullChunk(data, timestamps, 0.0);
    }

    default int pullChunk(double[] data, double[] timestamps) {
        return pullChunk(data, timestamps, 0.0);
    }

    default int pullChunk(int[] data, double[] timestamps) {
        return pullChunk(data, timestamps, 0.0);
    }

    default int pullChunk(short[] data, double[] timestamps) {
        return pullChunk(data, timestamps, 0.0);
    }

    default int pullChunk(byte[] data, double[] timestamps) {
        return pullChunk(data, timestamps, 0.0);
    }

    default int pullChunk(long[] data, double[] timestamps) {
        return pullChunk(data, timestamps, 0.0);
    }

    default int pullChunk(String[] data, double[] timestamps) {
        return pullChunk(data, timestamps, 0.0);
    }

    /** Samples received and not yet pulled. */
    int samplesAvailable();

    /** Drops every buffered sample; returns how many were dropped. */
    int flush();

    /** Disconnects and releases all resources; blocked calls end with {@link IllegalStateException}. Idempotent. */
    @Override
    void close();
}
