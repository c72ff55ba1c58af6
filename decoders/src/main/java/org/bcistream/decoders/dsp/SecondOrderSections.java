package org.bcistream.decoders.dsp;

import java.util.Arrays;
import java.util.Locale;

/**
 * A digital IIR filter as a cascade of second-order sections (biquads), in scipy's {@code sos} layout: one
 * row {@code [b0 b1 b2 a0 a1 a2]} per section, flattened section by section, with {@code a0 == 1}. Section
 * {@code s} has the transfer function {@code (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)} and the
 * cascade is the product of its sections, applied first to last.
 *
 * <p>Immutable and thread-safe: the coefficients are copied in and out. Zero sections is the identity
 * filter. Invariants: every coefficient is finite and every {@code a0} is exactly 1 (as
 * {@code scipy.signal.sosfilt} requires).
 */
public final class SecondOrderSections {
    /** Coefficients per section: {@code b0 b1 b2 a0 a1 a2}. */
    public static final int COEFFICIENTS_PER_SECTION = 6;

    private static final SecondOrderSections IDENTITY = new SecondOrderSections(new double[0]);

    private final double[] coefficients;

    private SecondOrderSections(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /**
     * Sections from flattened coefficients {@code [b0 b1 b2 a0 a1 a2]*}, copied.
     *
     * @throws IllegalArgumentException if the length is not a multiple of 6, a coefficient is not finite, or
     *     an {@code a0} is not 1
     */
    public static SecondOrderSections of(double... coefficients) {
        if (coefficients.length % COEFFICIENTS_PER_SECTION != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "second-order sections need 6 coefficients each; got %d", coefficients.length));
        }
        for (int i = 0; i < coefficients.length; i++) {
            if (!Double.isFinite(coefficients[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "coefficient %d of section %d is %s; it must be finite", i % 6, i / 6, coefficients[i]));
            }
        }
        for (int s = 0; s < coefficients.length / COEFFICIENTS_PER_SECTION; s++) {
            double a0 = coefficients[s * COEFFICIENTS_PER_SECTION + 3];
            if (a0 != 1.0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "section %d has a0 = %s; the sos layout needs a0 = 1", s, a0));
            }
        }
        return coefficients.length == 0 ? IDENTITY : new SecondOrderSections(coefficients.clone());
    }

    /** The identity filter (no sections). */
    public static SecondOrderSections identity() {
        return IDENTITY;
    }

    /** Number of sections; 0 for the identity. */
    public int sectionCount() {
        return coefficients.length / COEFFICIENTS_PER_SECTION;
    }

    /**
     * One coefficient.
     *
     * @param section section index from 0
     * @param index 0..5 for {@code b0 b1 b2 a0 a1 a2}
     */
    public double coefficient(int section, int index) {
        if (index < 0 || index >= COEFFICIENTS_PER_SECTION || section < 0 || section >= sectionCount()) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "coefficient %d of section %d requested; there are %d sections of 6", index, section, sectionCount()));
        }
        return coefficients[section * COEFFICIENTS_PER_SECTION + index];
    }

    /** A copy of the flattened coefficients, section by section. */
    public double[] toArray() {
        return coefficients.clone();
    }

    /** The cascade of this filter followed by {@code next} (this filter's sections first). */
    public SecondOrderSections followedBy(SecondOrderSections next) {
        if (next.coefficients.length == 0) {
            return this;
        }
        if (coefficients.length == 0) {
            return next;
        }
        double[] joined = Arrays.copyOf(coefficients, coefficients.length + next.coefficients.length);
        System.arraycopy(next.coefficients, 0, joined, coefficients.length, next.coefficients.length);
        return new SecondOrderSections(joined);
    }

    /**
     * Steady-state initial conditions for a unit step, as {@code scipy.signal.sosfilt_zi}: the
     * direct-form-II-transposed delays {@code [z0, z1]} of each section (flattened, section by section) when
     * the input has been 1 forever. Multiply by a signal's first value to start the filter as if that value
     * had been held forever.
     *
     * @throws IllegalStateException if a section has a pole at {@code z = 1} (no steady state exists)
     */
    public double[] steadyStateInitialConditions() {
        int sections = sectionCount();
        double[] zi = new double[2 * sections];
        double scale = 1.0;
        for (int s = 0; s < sections; s++) {
            int o = s * COEFFICIENTS_PER_SECTION;
            double b0 = coefficients[o];
            double b1 = coefficients[o + 1];
            double b2 = coefficients[o + 2];
            double a1 = coefficients[o + 4];
            double a2 = coefficients[o + 5];
            double denominator = 1.0 + a1 + a2;
            if (denominator == 0.0) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "section %d has a pole at z = 1 (a1 = %s, a2 = %s); it has no steady state", s, a1, a2));
            }
            // lfilter_zi: solve (I - A^T) zi = b[1:] - a[1:] * b0 for the 2x2 companion matrix A
            double rhs0 = b1 - a1 * b0;
            double rhs1 = b2 - a2 * b0;
            double z0 = (rhs0 + rhs1) / denominator;
            zi[2 * s] = scale * z0;
            zi[2 * s + 1] = scale * (rhs1 - a2 * z0);
            scale *= (b0 + b1 + b2) / denominator;
        }
        return zi;
    }

    /**
     * Magnitude of the frequency response {@code |H(exp(i 2 pi f / fs))|} of the cascade.
     *
     * @param frequencyHz the frequency, hertz
     * @param rateHz the sampling rate the filter was designed for, hertz
     */
    public double magnitudeAt(double frequencyHz, double rateHz) {
        double omega = 2.0 * Math.PI * frequencyHz / rateHz;
        Complex z1 = Complex.unit(-omega);
        Complex z2 = Complex.unit(-2.0 * omega);
        double magnitude = 1.0;
        for (int o = 0; o < coefficients.length; o += COEFFICIENTS_PER_SECTION) {
            Complex numerator = Complex.real(coefficients[o]).plus(z1.times(coefficients[o + 1]))
                    .plus(z2.times(coefficients[o + 2]));
            Complex denominator = Complex.real(coefficients[o + 3]).plus(z1.times(coefficients[o + 4]))
                    .plus(z2.times(coefficients[o + 5]));
            magnitude *= numerator.abs() / denominator.abs();
        }
        return magnitude;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecondOrderSections other && Arrays.equals(coefficients, other.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SecondOrderSections[");
        for (int s = 0; s < sectionCount(); s++) {
            text.append(s == 0 ? "" : ", ").append(Arrays.toString(
                    Arrays.copyOfRange(coefficients, s * COEFFICIENTS_PER_SECTION, (s + 1) * COEFFICIENTS_PER_SECTION)));
        }
        return text.append(']').toString();
    }
}
