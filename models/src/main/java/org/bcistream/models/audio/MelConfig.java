package org.bcistream.models.audio;

import java.util.Locale;

/**
 * Parameters of the mel front end, shared by {@link MelSpectrogram} and the vocoders so a generated
 * spectrogram is inverted with the analysis that defined it.
 *
 * @param sampleRate audio samples per second, positive
 * @param nFft FFT and window length in samples, even, at least 4
 * @param hopLength samples between frames, in [1, nFft / 2] (at least 50 % overlap, which the inverse
 *     STFT needs)
 * @param nMels number of mel bands, positive
 * @param fMin lowest filter edge in Hz, in [0, fMax)
 * @param fMax highest filter edge in Hz, at most sampleRate / 2
 * @param logFloor the clamp before the logarithm, positive: log-mel is {@code ln(max(mel, logFloor))}
 */
public record MelConfig(int sampleRate, int nFft, int hopLength, int nMels, double fMin, double fMax,
        double logFloor) {

    /**
     * The project's speech front end: 16 kHz, n_fft 1024 (64 ms), hop 256 (16 ms, so an 80 ms chunk is 5
     * frames), 80 Slaney mel bands over 0-8000 Hz, floor 1e-5.
     */
    public static final MelConfig DEFAULT = new MelConfig(16_000, 1024, 256, 80, 0.0, 8000.0, 1e-5);

    /** Checks the ranges above. */
    public MelConfig {
        check(sampleRate > 0, "sample rate must be positive; got %d Hz", sampleRate);
        check(nFft >= 4 && nFft % 2 == 0, "nFft must be even and at least 4; got %d", nFft);
        check(hopLength >= 1 && hopLength <= nFft / 2, "hop length must be in [1, nFft/2 = %d]; got %d",
                nFft / 2, hopLength);
        check(nMels > 0, "nMels must be positive; got %d", nMels);
        check(fMin >= 0 && fMin < fMax, "need 0 <= fMin < fMax; got fMin %s Hz, fMax %s Hz", fMin, fMax);
        check(fMax <= sampleRate / 2.0, "fMax %s Hz is above the Nyquist frequency %s Hz", fMax, sampleRate / 2.0);
        check(logFloor > 0 && Double.isFinite(logFloor), "log floor must be positive and finite; got %s", logFloor);
    }

    /** Frequency bins of one frame, {@code nFft / 2 + 1}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /** Frames of a centred STFT of {@code samples} samples: {@code 1 + samples / hopLength}. */
    public int frameCount(int samples) {
        return 1 + samples / hopLength;
    }

    /** Samples a vocoder makes from {@code frames} frames: {@code hopLength (frames - 1)}, 0 for no frames. */
    public int sampleCount(int frames) {
        return frames == 0 ? 0 : hopLength * (frames - 1);
    }

    private static void check(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }
}
