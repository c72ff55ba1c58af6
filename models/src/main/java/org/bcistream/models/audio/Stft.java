package org.bcistream.models.audio;

import java.util.Locale;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform with a periodic Hann window of length {@code nFft} (scipy's
 * {@code get_window('hann', nFft)}), computed with JTransforms, in librosa's centred convention.
 *
 * <p><b>Forward</b> ({@code librosa.stft(center=True, pad_mode='reflect')}): the signal is padded by
 * {@code nFft/2} samples on each side by reflection (without repeating the edge sample), and frame
 * {@code t} is the DFT {@code X[k] = sum_n w[n] x[t hop + n] e^{-2 pi i k n / nFft}} of padded samples
 * {@code [t hop, t hop + nFft)}, for {@code k = 0..nFft/2}. There are {@code 1 + length / hop} frames.
 *
 * <p><b>Inverse</b> ({@code librosa.istft(center=True)}): each frame's inverse real DFT is windowed
 * again and overlap-added, the sum is divided by the overlap-added squared window wherever that exceeds
 * {@link Double#MIN_NORMAL}, and the {@code nFft/2} padding is trimmed.
 *
 * <p><b>Spectrum layout:</b> one frame is {@code double[nFft + 2]} holding {@code re, im} of bins
 * {@code 0..nFft/2}; the imaginary parts of bins 0 and {@code nFft/2} are ignored on the way back.
 *
 * <p>Not thread-safe (one scratch buffer per instance): use one instance per thread.
 */
public final class Stft {
    private final int nFft;
    private final int hop;
    private final double[] window;
    private final DoubleFFT_1D fft;
    private final double[] scratch;

    /**
     * @param nFft window and FFT length, even, at least 4
     * @param hopLength samples between frames, in [1, nFft / 2]
     */
    public Stft(int nFft, int hopLength) {
        if (nFft < 4 || nFft % 2 != 0 || hopLength < 1 || hopLength > nFft / 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need an even nFft >= 4 and 1 <= hop <= nFft/2; got nFft %d, hop %d", nFft, hopLength));
        }
        this.nFft = nFft;
        this.hop = hopLength;
        this.window = new double[nFft];
        for (int n = 0; n < nFft; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / nFft);
        }
        this.fft = new DoubleFFT_1D(nFft);
        this.scratch = new double[nFft];
    }

    /** The transform of a {@link MelConfig}. */
    public static Stft of(MelConfig config) {
        return new Stft(config.nFft(), config.hopLength());
    }

    /** FFT length. */
    public int nFft() {
        return nFft;
    }

    /** Samples between frames. */
    public int hopLength() {
        return hop;
    }

    /** Bins per frame, {@code nFft / 2 + 1}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /** Window value {@code n}, {@code 0.5 - 0.5 cos(2 pi n / nFft)}. */
    public double window(int n) {
        return window[n];
    }

    /** Frames of a signal of {@code length} samples: {@code 1 + length / hop}. */
    public int frameCount(int length) {
        return 1 + length / hop;
    }

    /**
     * The centred STFT of {@code signal}, {@code [frameCount(length)][nFft + 2]}.
     *
     * @throws IllegalArgumentException if the signal has {@code nFft/2} samples or fewer (reflection
     *     padding needs more, as in numpy and PyTorch)
     */
    public double[][] forward(double[] signal) {
        double[][] out = new double[frameCount(signal.length)][nFft + 2];
        forward(signal, out);
        return out;
    }

    /** {@link #forward(double[])} into {@code out}, which must have {@code frameCount(length)} frames. */
    public void forward(double[] signal, double[][] out) {
        int n = signal.length;
        int half = nFft / 2;
        if (n <= half) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a centred STFT with nFft %d needs more than %d samples; got %d", nFft, half, n));
        }
        checkFrames(out.length, frameCount(n), n);
        checkWidths(out);
        double[] padded = new double[n + nFft];
        for (int i = 0; i < padded.length; i++) {
            int j = i - half;
            padded[i] = signal[j < 0 ? -j : j >= n ? 2 * (n - 1) - j : j];
        }
        for (int t = 0; t < out.length; t++) {
            analyze(padded, t * hop, out[t]);
        }
    }

    /** The inverse of a centred STFT, {@code hop (frames - 1)} samples long (librosa's default length). */
    public double[] inverse(double[][] spectra) {
        return inverse(spectra, hop * Math.max(0, spectra.length - 1));
    }

    /**
     * The inverse of a centred STFT with a given output length.
     *
     * @param length samples; {@code frameCount(length)} must equal the number of frames
     */
    public double[] inverse(double[][] spectra, int length) {
        double[] out = new double[length];
        inverse(spectra, out);
        return out;
    }

    /** {@link #inverse(double[][], int)} into {@code out}, whose length is the output length. */
    public void inverse(double[][] spectra, double[] out) {
        int frames = spectra.length;
        checkFrames(frames, frameCount(out.length), out.length);
        checkWidths(spectra);
        double[] sum = new double[nFft + hop * (frames - 1)];
        double[] norm = new double[sum.length];
        double[] frame = new double[nFft];
        for (int t = 0; t < frames; t++) {
            synthesize(spectra[t], frame);
            int at = t * hop;
            for (int n = 0; n < nFft; n++) {
                sum[at + n] += frame[n];
                norm[at + n] += window[n] * window[n];
            }
        }
        int half = nFft / 2;
        for (int i = 0; i < out.length; i++) {
            double w = norm[i + half];
            out[i] = w > Double.MIN_NORMAL ? sum[i + half] / w : 0.0;
        }
    }

    /**
     * One analysis frame: the DFT of {@code window x samples[offset .. offset + nFft)} into
     * {@code spectrum} ({@code nFft + 2} values, re/im interleaved).
     */
    public void analyze(double[] samples, int offset, double[] spectrum) {
        double[] a = scratch;
        for (int n = 0; n < nFft; n++) {
            a[n] = window[n] * samples[offset + n];
        }
        fft.realForward(a);
        // JTransforms packs re[0], re[nFft/2], then re/im pairs of bins 1 .. nFft/2 - 1
        spectrum[0] = a[0];
        spectrum[1] = 0.0;
        System.arraycopy(a, 2, spectrum, 2, nFft - 2);
        spectrum[nFft] = a[1];
        spectrum[nFft + 1] = 0.0;
    }

    /**
     * One synthesis frame: the inverse real DFT of {@code spectrum} times the window, into
     * {@code frame} ({@code nFft} samples), ready to overlap-add.
     */
    public void synthesize(double[] spectrum, double[] frame) {
        double[] a = scratch;
        a[0] = spectrum[0];
        a[1] = spectrum[nFft];
        System.arraycopy(spectrum, 2, a, 2, nFft - 2);
        fft.realInverse(a, true);
        for (int n = 0; n < nFft; n++) {
            frame[n] = window[n] * a[n];
        }
    }

    /** Magnitude of each bin of each frame, {@code [frames][nFft/2 + 1]}. */
    public static double[][] magnitude(double[][] spectra) {
        double[][] out = new double[spectra.length][];
        for (int t = 0; t < spectra.length; t++) {
            double[] s = spectra[t];
            double[] m = new double[s.length / 2];
            for (int k = 0; k < m.length; k++) {
                m[k] = Math.sqrt(s[2 * k] * s[2 * k] + s[2 * k + 1] * s[2 * k + 1]);
            }
            out[t] = m;
        }
        return out;
    }

    private void checkWidths(double[][] spectra) {
        for (int t = 0; t < spectra.length; t++) {
            if (spectra[t].length != nFft + 2) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "spectrum frame %d has %d values; nFft %d needs %d (re, im of %d bins)", t,
                        spectra[t].length, nFft, nFft + 2, bins()));
            }
        }
    }

    private void checkFrames(int frames, int expected, int length) {
        if (frames != expected) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d samples with hop %d make %d frames; got %d", length, hop, expected, frames));
        }
    }
}
