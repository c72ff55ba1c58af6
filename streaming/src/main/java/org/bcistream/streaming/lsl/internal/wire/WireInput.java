package org.bcistream.streaming.lsl.internal.wire;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the LSL data stream from a socket: CRLF-terminated text lines of the handshake, then binary values in the
 * negotiated byte order. End of stream inside a value is an {@link EOFException}. Not thread-safe.
 */
public final class WireInput {
    private final InputStream in;
    private boolean bigEndian;
    private byte[] scratch = new byte[64];

    public WireInput(InputStream in) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 65536);
    }

    /** Sets the byte order of the binary values that follow. */
    public void setByteOrder(ByteOrder order) {
        bigEndian = order == ByteOrder.BIG_ENDIAN;
    }

    /**
     * The next line without its terminator. A line ends at CRLF; a bare LF is kept in the line when {@code strictCrlf}
     * (as liblsl's server, which waits for CRLF) and ends it otherwise. At end of stream the partial line is
     * returned, or null if there is none (an error status is sent without CRLF before the server closes).
     *
     * @throws IOException if the line exceeds {@code maxLength} bytes
     */
    public String readLine(int maxLength, boolean strictCrlf) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (previous == '\r') {
                    line.write('\r');
                }
                return line.size() == 0 && previous < 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n' && (previous == '\r' || !strictCrlf)) {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (previous == '\r') {
                line.write('\r');
            }
            if (b != '\r') {
                line.write(b);
            }
            previous = b;
            if (line.size() > maxLength) {
                throw new IOException("line longer than " + maxLength + " bytes");
            }
        }
    }

    /** Everything up to the end of the stream, at most {@code maxLength} bytes. */
    public byte[] readToEnd(int maxLength) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            if (out.size() > maxLength) {
                throw new IOException("more than " + maxLength + " bytes");
            }
        }
        return out.toByteArray();
    }

    /** Reads and discards everything up to the end of the stream. */
    public void skipToEnd() throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // discard
        }
    }

    public int readUnsignedByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("end of stream");
        }
        return b;
    }

    /** A {@code width}-byte value (1, 2, 4 or 8) in the current byte order, zero-extended. */
    public long readValue(int width) throws IOException {
        long v = 0;
        for (int i = 0; i < width; i++) {
            long b = readUnsignedByte();
            v |= b << (8 * (bigEndian ? width - 1 - i : i));
        }
        return v;
    }

    /** A {@code width}-byte value, least significant byte first, zero-extended. */
    public long readLittleEndian(int width) throws IOException {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v |= ((long) readUnsignedByte()) << (8 * i);
        }
        return v;
    }

    /**
     * Reads {@code count} values of {@code width} bytes (1, 2, 4 or 8) in the current byte order into
     * {@code out[0..count)}, zero-extended, with one bulk read.
     */
    public void readValues(long[] out, int count, int width) throws IOException {
        int n = count * width;
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        if (in.readNBytes(scratch, 0, n) != n) {
            throw new EOFException("end of stream inside a sample");
        }
        for (int c = 0, base = 0; c < count; c++, base += width) {
            long v = 0;
            for (int i = 0; i < width; i++) {
                v |= (scratch[base + i] & 0xFFL) << (8 * (bigEndian ? width - 1 - i : i));
            }
            out[c] = v;
        }
    }

    public byte[] readBytes(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("end of stream after " + b.length + " of " + n + " bytes");
        }
        return b;
    }
}
