package org.bcistream.models.audio;

import java.util.Arrays;
import java.util.Locale;

/**
 * A mono audio signal: finite {@code float} samples, nominally in [-1, 1] (values outside are kept here
 * and clipped only when written as PCM), at a positive sample rate in Hz. Immutable: the samples are
 * copied in and out.
 */
public final class AudioClip {
    private final int sampleRate;
    private final float[] samples;

    private AudioClip(int sampleRate, float[] samples) {
        this.sampleRate = sampleRate;
        this.samples = samples;
    }

    /**
     * A clip holding a copy of {@code samples}.
     *
     * @param sampleRate samples per second, positive
     * @param samples the signal; every value finite
     * @throws IllegalArgumentException for a non-positive rate or a non-finite sample
     */
    public static AudioClip of(int sampleRate, float[] samples) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "sample rate must be positive; got %d Hz", sampleRate));
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sample %d of %d is %s; audio samples must be finite", i, samples.length, samples[i]));
            }
        }
        return new AudioClip(sampleRate, samples.clone());
    }

    /** Samples per second. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Number of samples. */
    public int length() {
        return samples.length;
    }

    /** Length in seconds. */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /** A copy of the samples. */
    public float[] samples() {
        return samples.clone();
    }

    /** Sample {@code index}, 0-based. */
    public float sample(int index) {
        return samples[index];
    }

    /** Equal rate and bit-identical samples. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AudioClip
                && ((AudioClip) other).sampleRate == sampleRate
                && Arrays.equals(((AudioClip) other).samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AudioClip[%d samples at %d Hz, %.3f s]",
                samples.length, sampleRate, durationSeconds());
    }
}
