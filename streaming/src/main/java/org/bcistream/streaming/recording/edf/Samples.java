package org.bcistream.streaming.recording.edf;

/** Little-endian two's complement sample decoding: 16-bit (EDF) and 24-bit (BDF). */
final class Samples {
    private Samples() {}

    /** The 16-bit sample at {@code offset}. */
    static int int16(byte[] b, int offset) {
        return (short) ((b[offset] & 0xFF) | (b[offset + 1] << 8));
    }

    /** The 24-bit sample at {@code offset}, sign-extended. */
    static int int24(byte[] b, int offset) {
        return ((b[offset] & 0xFF) | ((b[offset + 1] & 0xFF) << 8) | (b[offset + 2] << 16));
    }

    /** The sample of {@code bytesPerSample} (2 or 3) bytes at {@code offset}. */
    static int decode(byte[] b, int offset, int bytesPerSample) {
        return bytesPerSample == 3 ? int24(b, offset) : int16(b, offset);
    }
}
