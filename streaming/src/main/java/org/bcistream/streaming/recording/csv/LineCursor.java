package org.bcistream.streaming.recording.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.bcistream.streaming.recording.SampleCursor;

/**
 * A cursor over the data lines of a text recording: skips the header, then parses exactly the number of
 * samples the recording counted on open, one line per sample, on demand. It owns its own reader of the
 * file; nothing but the current line is held in memory.
 */
abstract class LineCursor implements SampleCursor {
    private final TextLines lines;
    private final long sampleCount;
    private final int channelCount;
    private long delivered;
    private boolean closed;

    LineCursor(Path path, long headerLines, long sampleCount, int channelCount) throws IOException {
        this.lines = TextLines.open(path);
        this.sampleCount = sampleCount;
        this.channelCount = channelCount;
        try {
            for (long i = 0; i < headerLines; i++) {
                if (!lines.next()) {
                    throw lines.error("the file ends within its %d header lines (changed since it was opened?)", headerLines);
                }
            }
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    /**
     * Parses the current line into {@code samples[offset ...]} and returns its time stamp, seconds.
     *
     * @throws org.bcistream.streaming.recording.RecordingFormatException if the line is malformed
     */
    abstract double parse(TextLines line, float[] samples, int offset) throws IOException;

    @Override
    public final int read(double[] timestamps, float[] samples, int maxSamples) throws IOException {
        if (closed) {
            throw new IllegalStateException("cursor is closed");
        }
        if (maxSamples < 0 || timestamps.length < maxSamples || samples.length < (long) maxSamples * channelCount) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "read of %d samples x %d channels into %d time stamps and %d values", maxSamples, channelCount,
                    timestamps.length, samples.length));
        }
        if (delivered == sampleCount) {
            return -1;
        }
        int n = 0;
        while (n < maxSamples && delivered < sampleCount) {
            if (!lines.next()) {
                throw lines.error("the file ends after %d of the %d samples counted when it was opened (changed since?)",
                        delivered, sampleCount);
            }
            timestamps[n] = parse(lines, samples, n * channelCount);
            n++;
            delivered++;
        }
        return n;
    }

    @Override
    public final void close() throws IOException {
        closed = true;
        lines.close();
    }
}
