package org.bcistream.streaming.recording;

import java.io.IOException;

/**
 * Sequential reader of one numeric stream of a recording, in time order, into caller-owned buffers
 * (sample-major, like {@code SignalChunk}). Values are physical units (microvolts for EEG) as the format
 * defines them. Not thread-safe; close it when done.
 */
public interface SampleCursor extends AutoCloseable {
    /**
     * Reads up to {@code maxSamples} samples.
     *
     * @param timestamps receives one time stamp per sample, seconds, from index 0
     * @param samples receives {@code count * channelCount} values, sample-major, from index 0
     * @param maxSamples at most this many; {@code timestamps} and {@code samples} must have room for them
     * @return the number of samples read, or -1 at the end of the stream
     * @throws RecordingFormatException if the data are malformed (the message names the byte offset)
     * @throws IOException if reading fails
     */
    int read(double[] timestamps, float[] samples, int maxSamples) throws IOException;

    @Override
    void close() throws IOException;
}
