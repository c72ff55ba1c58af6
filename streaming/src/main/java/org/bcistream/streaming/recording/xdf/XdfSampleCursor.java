package org.bcistream.streaming.recording.xdf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;

/**
 * Reads one numeric stream's values chunk by chunk from the file, through the Samples-chunk index built when
 * the recording was opened, and pairs them with the stream's synchronised time stamps. Opens its own file
 * channel, so cursors are independent of each other and of the recording. Values are converted to
 * {@code float} (integers and doubles beyond float precision are rounded). Not thread-safe.
 */
final class XdfSampleCursor implements SampleCursor {
    private final FileChannel channel;
    private final XdfInput in;
    private final String stream;
    private final XdfChannelFormat format;
    private final int channels;
    private final XdfChunkIndex chunks;
    private final double[] stamps;
    private final int sampleCount;
    private int done;
    private int chunk = -1;
    private long chunkEnd;
    private int leftInChunk;

    XdfSampleCursor(Path path, long size, String stream, XdfChannelFormat format, int channels, XdfChunkIndex chunks,
            double[] stamps, int sampleCount) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.in = new XdfInput(channel, path.toString(), size);
        this.stream = stream;
        this.format = format;
        this.channels = channels;
        this.chunks = chunks;
        this.stamps = stamps;
        this.sampleCount = sampleCount;
    }

    @Override
    public int read(double[] timestamps, float[] samples, int maxSamples) throws IOException {
        if (maxSamples < 0 || timestamps.length < maxSamples || samples.length < (long) maxSamples * channels) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot read %d samples of %d channels into %d time stamps and %d values", maxSamples, channels,
                    timestamps.length, samples.length));
        }
        if (!channel.isOpen()) {
            throw new IOException("the cursor of stream " + stream + " is closed");
        }
        if (done == sampleCount) {
            return -1;
        }
        int n = Math.min(maxSamples, sampleCount - done);
        for (int s = 0; s < n; s++) {
            while (leftInChunk == 0) {
                chunk++;
                in.seek(chunks.start(chunk));
                chunkEnd = chunks.end(chunk);
                leftInChunk = chunks.count(chunk);
            }
            readSample(samples, s * channels, done + s);
            timestamps[s] = stamps[done + s];
            leftInChunk--;
        }
        done += n;
        return n;
    }

    private void readSample(float[] samples, int offset, int index) throws IOException {
        long at = in.position();
        int stampBytes = at < chunkEnd ? in.u8() : -1;
        if (stampBytes == Xdf.EXPLICIT_TIMESTAMP) {
            in.skip(8);
        } else if (stampBytes != Xdf.NO_TIMESTAMP) {
            throw changed(at, index);
        }
        if (in.position() + (long) channels * format.bytesPerValue() > chunkEnd) {
            throw changed(at, index);
        }
        switch (format) {
            case INT8 -> {
                for (int c = 0; c < channels; c++) {
                    samples[offset + c] = in.i8();
                }
            }
            case INT16 -> {
                for (int c = 0; c < channels; c++) {
                    samples[offset + c] = in.i16();
                }
            }
            case INT32 -> {
                for (int c = 0; c < channels; c++) {
                    samples[offset + c] = in.i32();
                }
            }
            case INT64 -> {
                for (int c = 0; c < channels; c++) {
                    samples[offset + c] = in.i64();
                }
            }
            case FLOAT32 -> {
                for (int c = 0; c < channels; c++) {
                    samples[offset + c] = in.f32();
                }
            }
            case DOUBLE64 -> {
                for (int c = 0; c < channels; c++) {
                    samples[offset + c] = (float) in.f64();
                }
            }
            case STRING -> throw new IllegalStateException("string stream " + stream + " has no numeric cursor");
        }
    }

    private RecordingFormatException changed(long at, int index) {
        return new RecordingFormatException(String.format(Locale.ROOT,
                "%s: byte offset %d: sample %d of stream %s no longer matches the index built when the file was opened (was the file changed?)",
                in.file(), at, index, stream));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
