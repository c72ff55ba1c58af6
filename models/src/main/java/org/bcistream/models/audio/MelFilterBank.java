package org.bcistream.models.audio;

import java.util.Locale;

/**
 * The Slaney-style triangular mel filter bank of {@code librosa.filters.mel(htk=False, norm='slaney')}
 * (Slaney's Auditory Toolbox), and its least-squares inverse.
 *
 * <p><b>Mel scale</b> (Slaney): linear below 1 kHz, {@code mel = 3 f / 200}; logarithmic above,
 * {@code mel = 15 + ln(f / 1000) / (ln(6.4) / 27)}. {@code nMels + 2} edges are equally spaced in mel
 * from {@code fMin} to {@code fMax}; band {@code m} is the triangle rising from edge {@code m} to edge
 * {@code m + 1} and falling to edge {@code m + 2}, evaluated at the FFT bin frequencies
 * {@code k sampleRate / nFft}, and scaled by {@code 2 / (f[m+2] - f[m])} so each band has about unit
 * area (Slaney normalisation). Weights are kept in {@code double} (librosa rounds them to float32).
 *
 * <p><b>Inverse</b> ({@link #toLinear}): the minimum-norm least-squares solution
 * {@code M^T (M M^T)^-1 mel} (the Moore-Penrose pseudo-inverse, since M has full row rank), clamped at 0.
 * librosa's {@code mel_to_stft} uses non-negative least squares instead; this is cheaper and
 * non-iterative.
 *
 * <p>Every band must contain at least one FFT bin (otherwise the bank is refused): with the default
 * 16 kHz / 1024 / 80-band configuration the narrowest band spans about 73 Hz, over 4 bins.
 * Immutable and thread-safe.
 */
public final class MelFilterBank {
    private static final double F_SP = 200.0 / 3.0;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final double[][] weights;
    private final double[][] pseudoInverse;

    private MelFilterBank(double[][] weights) {
        this.weights = weights;
        this.pseudoInverse = pseudoInverse(weights);
    }

    /** The bank for {@code config}: {@code nMels} bands over {@code fMin..fMax}, {@code nFft/2 + 1} bins. */
    public static MelFilterBank slaney(MelConfig config) {
        int bands = config.nMels();
        int bins = config.bins();
        double melMin = hzToMel(config.fMin());
        double melMax = hzToMel(config.fMax());
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(melMin + (melMax - melMin) * i / (bands + 1));
        }
        double[][] w = new double[bands][bins];
        for (int m = 0; m < bands; m++) {
            double enorm = 2.0 / (edges[m + 2] - edges[m]);
            boolean empty = true;
            for (int k = 0; k < bins; k++) {
                double f = k * (double) config.sampleRate() / config.nFft();
                double lower = (f - edges[m]) / (edges[m + 1] - edges[m]);
                double upper = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
                double v = Math.max(0.0, Math.min(lower, upper));
                w[m][k] = v * enorm;
                empty &= v == 0.0;
            }
            if (empty) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "mel band %d (%.1f-%.1f Hz) contains no FFT bin (bin spacing %.1f Hz); use fewer"
                                + " bands or a larger nFft", m, edges[m], edges[m + 2],
                        config.sampleRate() / (double) config.nFft()));
            }
        }
        return new MelFilterBank(w);
    }

    /** Number of mel bands. */
    public int bands() {
        return weights.length;
    }

    /** Number of linear-frequency bins. */
    public int bins() {
        return weights[0].length;
    }

    /** Weight of FFT bin {@code bin} in band {@code band}. */
    public double weight(int band, int bin) {
        return weights[band][bin];
    }

    /** {@code mel = M magnitude}: {@code magnitude} has {@link #bins()} values, {@code mel} {@link #bands()}. */
    public void apply(double[] magnitude, double[] mel) {
        for (int m = 0; m < weights.length; m++) {
            double[] w = weights[m];
            double s = 0.0;
            for (int k = 0; k < w.length; k++) {
                s += w[k] * magnitude[k];
            }
            mel[m] = s;
        }
    }

    /** The linear magnitude estimate {@code max(0, pinv(M) mel)} into {@code magnitude}; see the class comment. */
    public void toLinear(double[] mel, double[] magnitude) {
        for (int k = 0; k < magnitude.length; k++) {
            double[] p = pseudoInverse[k];
            double s = 0.0;
            for (int m = 0; m < p.length; m++) {
                s += p[m] * mel[m];
            }
            magnitude[k] = Math.max(0.0, s);
        }
    }

    /** Slaney mel of a frequency in Hz. */
    static double hzToMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    /** Frequency in Hz of a Slaney mel. */
    static double melToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    /** {@code M^T (M M^T)^-1} as {@code [bins][bands]}, by a Cholesky factorisation of the Gram matrix. */
    private static double[][] pseudoInverse(double[][] m) {
        int r = m.length;
        int c = m[0].length;
        double[][] l = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j <= i; j++) {
                double g = 0.0;
                for (int k = 0; k < c; k++) {
                    g += m[i][k] * m[j][k];
                }
                for (int k = 0; k < j; k++) {
                    g -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(g > 0.0)) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "the mel filter bank is rank-deficient at band %d; use fewer bands", i));
                    }
                    l[i][i] = Math.sqrt(g);
                } else {
                    l[i][j] = g / l[j][j];
                }
            }
        }
        // column k of M^T is row k of M transposed: solve L L^T y = M[:, k] for each bin k
        double[][] p = new double[c][r];
        double[] y = new double[r];
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < r; i++) {
                double s = m[i][k];
                for (int j = 0; j < i; j++) {
                    s -= l[i][j] * y[j];
                }
                y[i] = s / l[i][i];
            }
            for (int i = r - 1; i >= 0; i--) {
                double s = y[i];
                for (int j = i + 1; j < r; j++) {
                    s -= l[j][i] * p[k][j];
                }
                p[k][i] = s / l[i][i];
            }
        }
        return p;
    }
}
