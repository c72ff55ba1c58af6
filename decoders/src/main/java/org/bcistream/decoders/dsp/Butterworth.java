package org.bcistream.decoders.dsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Digital Butterworth filter design, returning second-order sections that match
 * {@code scipy.signal.butter(order, Wn, btype, fs=rateHz, output='sos')} section by section.
 *
 * <p>Algorithm (as scipy's {@code iirfilter}): the analog low-pass prototype with poles
 * {@code -exp(i pi m / 2N)}, {@code m = -N+1, -N+3, ..., N-1}; the edges pre-warped to
 * {@code 4 tan(pi f / fs)}; the low-pass to low-, high- or band-pass transform; the bilinear transform with
 * {@code fs = 2}; then pole-zero pairing into sections by closeness to the unit circle (see
 * {@code zpk2sos(pairing='nearest')}), the gain in the first section. A band-pass of order N has 2N poles
 * (N sections). Reference: S. Butterworth (1930); A. V. Oppenheim, R. W. Schafer, <i>Discrete-Time Signal
 * Processing</i>, 3rd ed., section 7.2 (bilinear transformation).
 *
 * <p>Frequencies are in hertz and must satisfy {@code 0 < f < rateHz / 2}; orders 1 to {@value #MAX_ORDER}.
 * Pure functions, thread-safe.
 */
public final class Butterworth {
    /** Highest supported order; higher orders gain nothing for EEG and lose precision near the edges. */
    public static final int MAX_ORDER = 12;

    private Butterworth() {}

    /**
     * Low-pass filter.
     *
     * @param order filter order N (N poles)
     * @param cutoffHz -3 dB frequency, hertz
     * @param rateHz sampling rate, hertz
     * @throws IllegalArgumentException for an order outside 1..12 or a cutoff outside (0, rateHz / 2)
     */
    public static SecondOrderSections lowPass(int order, double cutoffHz, double rateHz) {
        double warped = prewarp(checkOrder(order), cutoffHz, rateHz);
        List<Complex> poles = new ArrayList<>();
        for (Complex p : prototypePoles(order)) {
            poles.add(p.times(warped));
        }
        return bilinear(new ZeroPoleGain(List.of(), poles, Math.pow(warped, order)));
    }

    /**
     * High-pass filter.
     *
     * @param order filter order N (N poles)
     * @param cutoffHz -3 dB frequency, hertz
     * @param rateHz sampling rate, hertz
     * @throws IllegalArgumentException for an order outside 1..12 or a cutoff outside (0, rateHz / 2)
     */
    public static SecondOrderSections highPass(int order, double cutoffHz, double rateHz) {
        double warped = prewarp(checkOrder(order), cutoffHz, rateHz);
        List<Complex> poles = new ArrayList<>();
        Complex product = Complex.real(1.0);
        for (Complex p : prototypePoles(order)) {
            poles.add(Complex.real(warped).dividedBy(p));
            product = product.times(p.negate());
        }
        double gain = Complex.real(1.0).dividedBy(product).re();
        return bilinear(new ZeroPoleGain(Collections.nCopies(order, Complex.ZERO), poles, gain));
    }

    /**
     * Band-pass filter (2N poles).
     *
     * @param order order N of the low-pass prototype
     * @param lowHz lower -3 dB edge, hertz
     * @param highHz upper -3 dB edge, hertz
     * @param rateHz sampling rate, hertz
     * @throws IllegalArgumentException for an order outside 1..12, edges outside (0, rateHz / 2), or
     *     {@code lowHz >= highHz}
     */
    public static SecondOrderSections bandPass(int order, double lowHz, double highHz, double rateHz) {
        checkOrder(order);
        if (!(lowHz < highHz)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "band-pass edges must satisfy low < high; got %s Hz and %s Hz", lowHz, highHz));
        }
        double warpedLow = prewarp(order, lowHz, rateHz);
        double warpedHigh = prewarp(order, highHz, rateHz);
        double bandwidth = warpedHigh - warpedLow;
        double centre = Math.sqrt(warpedLow * warpedHigh);
        Complex centreSquared = Complex.real(centre * centre);
        List<Complex> upper = new ArrayList<>();
        List<Complex> lower = new ArrayList<>();
        for (Complex p : prototypePoles(order)) {
            Complex scaled = p.times(bandwidth).times(0.5);
            Complex shift = scaled.times(scaled).minus(centreSquared).sqrt();
            upper.add(scaled.plus(shift));
            lower.add(scaled.minus(shift));
        }
        List<Complex> poles = new ArrayList<>(upper);
        poles.addAll(lower);
        return bilinear(new ZeroPoleGain(Collections.nCopies(order, Complex.ZERO), poles, Math.pow(bandwidth, order)));
    }

    /** Poles of the analog prototype with cutoff 1 rad/s, in scipy's {@code buttap} order. */
    private static List<Complex> prototypePoles(int order) {
        List<Complex> poles = new ArrayList<>(order);
        for (int m = -order + 1; m < order; m += 2) {
            poles.add(Complex.unit(Math.PI * m / (2.0 * order)).negate());
        }
        return poles;
    }

    /** Analog frequency for the bilinear transform with {@code fs = 2}: {@code 4 tan(pi Wn / 2)}, Wn = f / Nyquist. */
    private static double prewarp(int order, double frequencyHz, double rateHz) {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sampling rate must be finite and > 0; got %s Hz", rateHz));
        }
        double nyquist = rateHz / 2.0;
        if (!(frequencyHz > 0 && frequencyHz < nyquist)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "order-%d Butterworth edge %s Hz is outside (0, %s) Hz, the open band below Nyquist at %s Hz",
                    order, frequencyHz, nyquist, rateHz));
        }
        double normalised = frequencyHz / nyquist;
        return 2.0 * 2.0 * Math.tan(Math.PI * normalised / 2.0);
    }

    private static int checkOrder(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Butterworth order must be in 1..%d; got %d", MAX_ORDER, order));
        }
        return order;
    }

    /** Bilinear transform with {@code fs = 2} (zeros at infinity move to z = -1), then pairing into sections. */
    private static SecondOrderSections bilinear(ZeroPoleGain analog) {
        Complex twiceRate = Complex.real(4.0);
        List<Complex> zeros = new ArrayList<>();
        List<Complex> poles = new ArrayList<>();
        Complex numerator = Complex.real(1.0);
        Complex denominator = Complex.real(1.0);
        for (Complex z : analog.zeros()) {
            zeros.add(twiceRate.plus(z).dividedBy(twiceRate.minus(z)));
            numerator = numerator.times(twiceRate.minus(z));
        }
        for (Complex p : analog.poles()) {
            poles.add(twiceRate.plus(p).dividedBy(twiceRate.minus(p)));
            denominator = denominator.times(twiceRate.minus(p));
        }
        for (int i = analog.zeros().size(); i < analog.poles().size(); i++) {
            zeros.add(Complex.real(-1.0));
        }
        double gain = analog.gain() * numerator.dividedBy(denominator).re();
        return SectionPairing.toSections(new ZeroPoleGain(zeros, poles, gain));
    }
}
