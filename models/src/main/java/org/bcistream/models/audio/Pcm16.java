package org.bcistream.models.audio;

import java.util.Locale;

/**
 * Conversion between {@code float} samples and signed 16-bit little-endian PCM, the scale used by
 * soundfile and librosa: a code {@code k} is the sample {@code k / 32768}, and a sample {@code x} is
 * written as {@code round(32768 x)} clipped to [-32768, 32767]. So codes round-trip exactly, and
 * samples outside [-1, 1) are clipped.
 */
public final class Pcm16 {
    /** Bytes per sample per channel. */
    public static final int BYTES_PER_SAMPLE = 2;

    private static final float SCALE = 32768f;

    private Pcm16() {}

    /** The 16-bit code of a finite sample, rounded half up and clipped. */
    public static short encode(float sample) {
        long code = Math.round(sample * (double) SCALE);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, code));
    }

    /** The sample of a 16-bit code, in [-1, 1). */
    public static float decode(short code) {
        return code / SCALE;
    }

    /**
     * Writes {@code count} samples from {@code samples[from]} as little-endian codes into {@code out} at
     * {@code outOffset} ({@code 2 count} bytes).
     *
     * @throws IllegalArgumentException if a sample is not finite (its index is reported)
     */
    public static void encode(float[] samples, int from, int count, byte[] out, int outOffset) {
        for (int i = 0; i < count; i++) {
            float x = samples[from + i];
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sample %d is %s; only finite samples can be written as PCM", from + i, x));
            }
            short code = encode(x);
            out[outOffset + 2 * i] = (byte) code;
            out[outOffset + 2 * i + 1] = (byte) (code >> 8);
        }
    }
}
