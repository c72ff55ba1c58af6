package org.bcistream.decoders.dsp;

import java.util.Locale;

/**
 * Second-order IIR notch design matching {@code scipy.signal.iirnotch(w0, Q, fs)}, returned as one
 * second-order section.
 *
 * <p>With {@code w0 = 2 pi f0 / fs}, bandwidth {@code bw = w0 / Q} (the -3 dB width, in the same units) and
 * {@code g = 1 / (1 + tan(bw / 2))}: {@code b = g [1, -2 cos w0, 1]}, {@code a = [1, -2 g cos w0, 2g - 1]}.
 * Reference: S. J. Orfanidis, <i>Introduction to Signal Processing</i>, Prentice-Hall 1996, eq. 11.3.7.
 * The gain is exactly 0 at {@code f0} and 1 at 0 Hz and at Nyquist. Pure function, thread-safe.
 */
public final class Notch {
    private Notch() {}

    /**
     * Notch at one frequency.
     *
     * @param frequencyHz the rejected frequency f0, hertz, in (0, rateHz / 2)
     * @param quality quality factor Q = f0 / (-3 dB bandwidth), finite and &gt; 0
     * @param rateHz sampling rate, hertz
     * @throws IllegalArgumentException for a frequency outside (0, rateHz / 2) or a non-positive Q
     */
    public static SecondOrderSections iirNotch(double frequencyHz, double quality, double rateHz) {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sampling rate must be finite and > 0; got %s Hz", rateHz));
        }
        if (!(frequencyHz > 0 && frequencyHz < rateHz / 2.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "notch frequency %s Hz is outside (0, %s) Hz, the open band below Nyquist at %s Hz",
                    frequencyHz, rateHz / 2.0, rateHz));
        }
        if (!(quality > 0) || Double.isInfinite(quality)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "notch quality factor must be finite and > 0; got %s", quality));
        }
        double normalised = 2.0 * frequencyHz / rateHz;
        double bandwidth = normalised / quality * Math.PI;
        double w0 = normalised * Math.PI;
        double gain = 1.0 / (1.0 + Math.tan(bandwidth / 2.0));
        double cos = Math.cos(w0);
        return SecondOrderSections.of(gain, gain * (-2.0 * cos), gain, 1.0, -2.0 * gain * cos, 2.0 * gain - 1.0);
    }
}
