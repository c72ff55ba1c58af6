package org.bcistream.models.audio;

import java.util.Locale;

/**
 * Log-mel spectrogram of audio: {@link Stft} (centred, reflect padding, periodic Hann), the magnitude
 * {@code |X|} of each bin, the {@link MelFilterBank}, then {@code ln(max(mel, logFloor))}. This is the
 * HiFi-GAN / NVIDIA Tacotron 2 feature (magnitude, not power; natural log; clamp 1e-5), except that the
 * padding follows librosa ({@code nFft/2} each side) rather than HiFi-GAN's {@code (nFft - hop)/2}.
 *
 * <p>Output is {@code float[frames][nMels]} with {@code frames = 1 + samples / hop}; computed in
 * {@code double} and rounded once. Not thread-safe (it owns an {@link Stft}); use one per thread.
 */
public final class MelSpectrogram {
    private final MelConfig config;
    private final Stft stft;
    private final MelFilterBank bank;

    /** A front end for {@code config}. */
    public MelSpectrogram(MelConfig config) {
        this.config = config;
        this.stft = Stft.of(config);
        this.bank = MelFilterBank.slaney(config);
    }

    /** The configuration. */
    public MelConfig config() {
        return config;
    }

    /**
     * Log-mel of a clip at the configured sample rate.
     *
     * @throws IllegalArgumentException if the rates differ (resample first) or the clip is too short
     */
    public float[][] compute(AudioClip clip) {
        if (clip.sampleRate() != config.sampleRate()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "clip is at %d Hz, the mel front end at %d Hz", clip.sampleRate(), config.sampleRate()));
        }
        return compute(clip.samples());
    }

    /**
     * Log-mel of samples at the configured rate, {@code [1 + length / hop][nMels]}.
     *
     * @throws IllegalArgumentException if there are {@code nFft/2} samples or fewer
     */
    public float[][] compute(float[] audio) {
        double[] x = new double[audio.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = audio[i];
        }
        double[][] magnitude = Stft.magnitude(stft.forward(x));
        float[][] out = new float[magnitude.length][config.nMels()];
        double[] mel = new double[config.nMels()];
        for (int t = 0; t < magnitude.length; t++) {
            bank.apply(magnitude[t], mel);
            for (int m = 0; m < mel.length; m++) {
                out[t][m] = (float) Math.log(Math.max(mel[m], config.logFloor()));
            }
        }
        return out;
    }
}
