package org.bcistream.decoders.features;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One-sided periodogram power density of one real window of N samples, as
 * {@code scipy.signal.periodogram(x, fs, window='hann', detrend='constant', scaling='density')}:
 * {@code P[k] = c_k |X[k]|^2 / (fs sum w^2)} for {@code k = 0..N/2}, where {@code X} is the DFT of
 * {@code w (x - mean x)}, {@code w[n] = 0.5 - 0.5 cos(2 pi n / N)} is the periodic Hann window, and
 * {@code c_k = 2} except at 0 Hz and (for even N) at Nyquist, where it is 1. Units: input units squared per
 * hertz.
 *
 * <p>The FFT plan (JTransforms) and the window are built once and only read afterwards; {@link #density}
 * works in the caller's buffers. It allocates nothing itself; JTransforms allocates one scratch array per
 * transform for lengths that are not powers of two (mixed-radix path).
 */
final class HannPeriodogram {
    private final int length;
    private final double[] window;
    private final double scale;
    private final double binWidthHz;
    private final DoubleFFT_1D fft;

    HannPeriodogram(int length, double rateHz) {
        this.length = length;
        this.window = new double[length];
        double sumOfSquares = 0.0;
        for (int n = 0; n < length; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * n / length);
            sumOfSquares += window[n] * window[n];
        }
        this.scale = 1.0 / (rateHz * sumOfSquares);
        this.binWidthHz = 1.0 / (length * (1.0 / rateHz)); // as numpy.fft.rfftfreq, so band edges agree
        this.fft = new DoubleFFT_1D(length);
    }

    /** Number of bins {@code N / 2 + 1}. */
    int binCount() {
        return length / 2 + 1;
    }

    /** Centre frequency of bin {@code k}, hertz. */
    double binFrequency(int k) {
        return k * binWidthHz;
    }

    /**
     * Computes the density of the window in {@code samples} (N values, oldest first; overwritten as scratch)
     * into {@code density} ({@link #binCount()} values).
     */
    void density(double[] samples, double[] density) {
        double mean = 0.0;
        for (int n = 0; n < length; n++) {
            mean += samples[n];
        }
        mean /= length;
        for (int n = 0; n < length; n++) {
            samples[n] = (samples[n] - mean) * window[n];
        }
        fft.realForward(samples);
        // JTransforms packing: a[0] = Re X0; even N: a[1] = Re X(N/2); odd N: a[1] = Im X((N-1)/2);
        // otherwise a[2k] = Re Xk, a[2k+1] = Im Xk (odd N: Re X((N-1)/2) in a[N-1])
        int last = binCount() - 1;
        density[0] = samples[0] * samples[0] * scale;
        for (int k = 1; k < last; k++) {
            double re = samples[2 * k];
            double im = samples[2 * k + 1];
            density[k] = 2.0 * (re * re + im * im) * scale;
        }
        if (last > 0) {
            if (length % 2 == 0) {
                density[last] = samples[1] * samples[1] * scale;
            } else {
                double re = samples[length - 1];
                double im = samples[1];
                density[last] = 2.0 * (re * re + im * im) * scale;
            }
        }
    }
}
