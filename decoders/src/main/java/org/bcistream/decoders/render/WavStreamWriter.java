package org.bcistream.decoders.render;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.bcistream.models.audio.Pcm16;
import org.bcistream.models.audio.WavHeader;

/**
 * Appends the audio chunks of one session to a single mono 16-bit PCM WAV file.
 *
 * <p>The file starts as a valid empty WAV ({@link WavHeader} with size 0). Samples are encoded as
 * {@link Pcm16} (clipped to [-1, 1)) into an in-memory buffer of {@value #BUFFER_BYTES} bytes that is written
 * when full; {@link #flush()} writes the buffer and rewrites the RIFF and data sizes, and {@link #close()}
 * does the same and closes the file. So after every flush (and between flushes, minus the unflushed tail)
 * the file is a complete WAV that players and {@link org.bcistream.models.audio.Wav} read; flush does not
 * force the data to the disk. A chunk with a non-finite sample is refused whole, before anything is written.
 * The file may grow to {@link WavHeader#MAX_DATA_BYTES} bytes of samples (about 37 hours at 16 kHz).
 *
 * <pre>{@code
 * try (WavStreamWriter out = WavStreamWriter.create(Path.of("session.wav"), 16_000)) {
 *     out.append(vocoderStream.push(melChunk));   // per chunk
 *     out.flush();                                // whenever the file should be readable
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one writer per session, used by one thread.
 */
public final class WavStreamWriter implements Closeable, Flushable {
    /** Size of the write buffer. */
    public static final int BUFFER_BYTES = 8192;

    private final Path file;
    private final int sampleRate;
    private final FileChannel channel;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int buffered;
    private long dataBytes;
    private boolean closed;

    private WavStreamWriter(Path file, int sampleRate, FileChannel channel) {
        this.file = file;
        this.sampleRate = sampleRate;
        this.channel = channel;
    }

    /**
     * Creates (or truncates) {@code file} and writes an empty WAV header.
     *
     * @param sampleRate samples per second, positive
     */
    public static WavStreamWriter create(Path file, int sampleRate) throws IOException {
        byte[] header = WavHeader.mono16(sampleRate, 0);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeFully(channel, ByteBuffer.wrap(header));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new WavStreamWriter(file, sampleRate, channel);
    }

    /** Appends all of {@code samples}. */
    public void append(float[] samples) throws IOException {
        append(samples, 0, samples.length);
    }

    /**
     * Appends {@code count} samples starting at {@code samples[from]}.
     *
     * @throws IllegalArgumentException for a non-finite sample (nothing of the chunk is written)
     * @throws IOException if the file would exceed the WAV size limit, or on a write failure
     * @throws IllegalStateException after {@link #close()}
     */
    public void append(float[] samples, int from, int count) throws IOException {
        checkOpen();
        if (from < 0 || count < 0 || from > samples.length - count) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "range [%d, %d + %d) is outside an array of %d samples", from, from, count, samples.length));
        }
        for (int i = from; i < from + count; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sample %d of the chunk is %s; nothing of the chunk was written to %s", i - from,
                        samples[i], file));
            }
        }
        long bytes = (long) count * Pcm16.BYTES_PER_SAMPLE;
        if (dataBytes + bytes > WavHeader.MAX_DATA_BYTES) {
            throw new IOException(String.format(Locale.ROOT,
                    "%s: %d more bytes would exceed the WAV limit of %d data bytes; start a new file", file,
                    bytes, WavHeader.MAX_DATA_BYTES));
        }
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, (BUFFER_BYTES - buffered) / Pcm16.BYTES_PER_SAMPLE);
            Pcm16.encode(samples, from + done, n, buffer, buffered);
            buffered += n * Pcm16.BYTES_PER_SAMPLE;
            done += n;
            if (buffered == BUFFER_BYTES) {
                writeBuffer();
            }
        }
        dataBytes += bytes;
    }

    /** Writes buffered samples and rewrites the header sizes, so the file on disk is a complete WAV. */
    @Override
    public void flush() throws IOException {
        checkOpen();
        writeBuffer();
        byte[] sizes = WavHeader.sizeFields(dataBytes);
        writeFully(channel, ByteBuffer.wrap(sizes, 0, 4), WavHeader.RIFF_SIZE_OFFSET);
        writeFully(channel, ByteBuffer.wrap(sizes, 4, 4), WavHeader.DATA_SIZE_OFFSET);
    }

    /** Flushes and closes the file; further calls do nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            channel.close();
        }
    }

    /** Samples appended so far (buffered ones included). */
    public long samplesWritten() {
        return dataBytes / Pcm16.BYTES_PER_SAMPLE;
    }

    /** The sample rate in the header, in Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    private void writeBuffer() throws IOException {
        writeFully(channel, ByteBuffer.wrap(buffer, 0, buffered));
        buffered = 0;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the WAV writer for " + file + " is closed");
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }
}
