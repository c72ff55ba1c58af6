package org.bcistream.streaming.recording.xdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Locale;
import org.bcistream.streaming.recording.RecordingFormatException;

/**
 * Little-endian reads at any position of an XDF file through one fixed 64 KiB buffer (positional channel
 * reads, so the channel's own position is never used). Callers check every length against the chunk they
 * are in before reading; reading past the end of the file here means the file changed or a check is
 * missing, and fails with a {@link RecordingFormatException}. Not thread-safe.
 */
final class XdfInput {
    private static final int BUFFER_BYTES = 1 << 16;

    private final FileChannel channel;
    private final String file;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    /** File position of {@code buffer} index 0. */
    private long bufferStart;

    XdfInput(FileChannel channel, String file, long size) {
        this.channel = channel;
        this.file = file;
        this.size = size;
        buffer.limit(0);
    }

    /** The file name used in messages. */
    String file() {
        return file;
    }

    /** Size of the file as measured when it was opened, bytes. */
    long size() {
        return size;
    }

    /** Position of the next byte read, from the start of the file. */
    long position() {
        return bufferStart + buffer.position();
    }

    /** Moves to {@code position} (0 to {@link #size()}). */
    void seek(long position) {
        long inBuffer = position - bufferStart;
        if (inBuffer >= 0 && inBuffer <= buffer.limit()) {
            buffer.position((int) inBuffer);
        } else {
            bufferStart = position;
            buffer.limit(0);
        }
    }

    /** Skips {@code bytes} bytes. */
    void skip(long bytes) {
        seek(position() + bytes);
    }

    int u8() throws IOException {
        require(1);
        return buffer.get() & 0xFF;
    }

    int u16() throws IOException {
        require(2);
        return buffer.getShort() & 0xFFFF;
    }

    /** A 32-bit value (XDF stream ids are unsigned: print them with {@link Xdf#streamIdText}). */
    int i32() throws IOException {
        require(4);
        return buffer.getInt();
    }

    long i64() throws IOException {
        require(8);
        return buffer.getLong();
    }

    short i16() throws IOException {
        require(2);
        return buffer.getShort();
    }

    byte i8() throws IOException {
        require(1);
        return buffer.get();
    }

    float f32() throws IOException {
        require(4);
        return buffer.getFloat();
    }

    double f64() throws IOException {
        require(8);
        return buffer.getDouble();
    }

    /** Reads {@code length} bytes; the caller has checked {@code length} against what its chunk holds. */
    byte[] bytes(int length) throws IOException {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            if (!buffer.hasRemaining()) {
                require(1);
            }
            int n = Math.min(buffer.remaining(), length - done);
            buffer.get(out, done, n);
            done += n;
        }
        return out;
    }

    /**
     * Reads an XDF variable-length integer: a width byte of 1, 4 or 8, then an unsigned value of that many
     * bytes, all before {@code limit}. An 8-byte value above {@code Long.MAX_VALUE} is returned as
     * {@code Long.MAX_VALUE}, which no length or count check accepts.
     *
     * @param what what the integer is, for messages
     * @param limit file position the integer must end at or before (the end of its chunk)
     */
    long varLength(String what, long limit) throws IOException {
        long at = position();
        if (limit - at < 1) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: no room for %s: the chunk ends there", file, at, what));
        }
        int width = u8();
        if (width != 1 && width != 4 && width != 8) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: %s has a length width of %d bytes; XDF allows 1, 4 or 8", file, at, what, width));
        }
        if (limit - at - 1 < width) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: %s needs %d bytes but its chunk has %d left", file, at, what, 1 + width, limit - at));
        }
        return switch (width) {
            case 1 -> u8();
            case 4 -> i32() & 0xFFFF_FFFFL;
            default -> {
                long v = i64();
                yield v < 0 ? Long.MAX_VALUE : v;
            }
        };
    }

    private void require(int n) throws IOException {
        if (buffer.remaining() >= n) {
            return;
        }
        long pos = position();
        if (pos + n > size) {
            throw new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: byte offset %d: needs %d more bytes but the file has %d bytes (was it changed while open?)", file, pos,
                    n, size));
        }
        buffer.compact();
        bufferStart = pos;
        while (buffer.position() < n) {
            int read = channel.read(buffer, bufferStart + buffer.position());
            if (read < 0) {
                throw new RecordingFormatException(String.format(Locale.ROOT,
                        "%s: byte offset %d: the file ended at %d bytes, shorter than the %d bytes it had when opened", file,
                        pos, bufferStart + buffer.position(), size));
            }
        }
        buffer.flip();
    }
}
