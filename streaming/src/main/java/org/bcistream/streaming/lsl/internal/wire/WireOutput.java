package org.bcistream.streaming.lsl.internal.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that multi-byte values are written into in a chosen byte order; one network write is
 * {@link #writeTo} of everything buffered. Reused between writes; not thread-safe.
 */
public final class WireOutput {
    private byte[] bytes = new byte[256];
    private int size;
    private final boolean bigEndian;

    public WireOutput(ByteOrder order) {
        this.bigEndian = order == ByteOrder.BIG_ENDIAN;
    }

    /** A copy of the buffered bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Writes everything buffered to {@code out} and empties the buffer. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
        out.flush();
        size = 0;
    }

    public void put(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    public void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /** The ASCII/UTF-8 bytes of {@code text}. */
    public void putText(String text) {
        put(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The low {@code width} bytes (1, 2, 4 or 8) of {@code value}, in this buffer's byte order. */
    public void putValue(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            int shift = 8 * (bigEndian ? width - 1 - i : i);
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    /** {@code width} bytes of {@code value}, least significant first, whatever this buffer's order. */
    public void putLittleEndian(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
