package org.bcistream.decoders.dsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the zeros and poles of a digital filter into second-order sections the way
 * {@code scipy.signal.zpk2sos(z, p, k, pairing='nearest')} does, so that designs match scipy section by
 * section: poles closest to the unit circle go last, each pole is paired with its nearest zero, and the
 * gain goes into the first section.
 */
final class SectionPairing {
    /** scipy's {@code _cplxreal} tolerance: 100 machine epsilons of float64. */
    private static final double REAL_TOLERANCE = 100 * Math.ulp(1.0);

    private enum Kind { REAL, COMPLEX, ANY }

    private SectionPairing() {}

    static SecondOrderSections toSections(ZeroPoleGain zpk) {
        List<Complex> zeros = new ArrayList<>(zpk.zeros());
        List<Complex> poles = new ArrayList<>(zpk.poles());
        if (zeros.isEmpty() && poles.isEmpty()) {
            return SecondOrderSections.of(zpk.gain(), 0, 0, 1, 0, 0);
        }
        while (poles.size() < zeros.size()) {
            poles.add(Complex.ZERO);
        }
        while (zeros.size() < poles.size()) {
            zeros.add(Complex.ZERO);
        }
        int sectionCount = (poles.size() + 1) / 2;
        if (poles.size() % 2 == 1) {
            poles.add(Complex.ZERO);
            zeros.add(Complex.ZERO);
        }
        List<Complex> z = conjugatePairsThenReals(zeros);
        List<Complex> p = conjugatePairsThenReals(poles);

        double[] sos = new double[sectionCount * SecondOrderSections.COEFFICIENTS_PER_SECTION];
        for (int section = sectionCount - 1; section >= 0; section--) {
            Complex p1 = p.remove(closestToUnitCircle(p, Kind.ANY));
            long realPolesLeft = p.stream().filter(Complex::isReal).count();
            if (p1.isReal() && realPolesLeft == 0) {
                // the last real pole: a first-order section padded with a pole and a zero at the origin
                Complex z1 = z.remove(nearest(z, p1, Kind.REAL));
                put(sos, section, List.of(z1, Complex.ZERO), List.of(p1, Complex.ZERO));
            } else if (p.size() + 1 == z.size() && !p1.isReal() && realPolesLeft == 1
                    && z.stream().filter(Complex::isReal).count() == 1) {
                // one real pole and one real zero must stay together: pair with a complex zero
                Complex z1 = z.remove(nearest(z, p1, Kind.COMPLEX));
                put(sos, section, List.of(z1, z1.conjugate()), List.of(p1, p1.conjugate()));
            } else {
                Complex p2 = p1.isReal() ? p.remove(closestToUnitCircle(p, Kind.REAL)) : p1.conjugate();
                if (z.isEmpty()) {
                    put(sos, section, List.of(), List.of(p1, p2));
                } else {
                    Complex z1 = z.remove(nearest(z, p1, Kind.ANY));
                    if (!z1.isReal()) {
                        put(sos, section, List.of(z1, z1.conjugate()), List.of(p1, p2));
                    } else if (!z.isEmpty()) {
                        Complex z2 = z.remove(nearest(z, p1, Kind.REAL));
                        put(sos, section, List.of(z1, z2), List.of(p1, p2));
                    } else {
                        put(sos, section, List.of(z1), List.of(p1, p2));
                    }
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            sos[i] *= zpk.gain();
        }
        return SecondOrderSections.of(sos);
    }

    /**
     * scipy's {@code _cplxreal}: complex values (one per conjugate pair, positive imaginary part, the pair
     * averaged) sorted by real part then imaginary magnitude, followed by the real values in ascending order.
     */
    private static List<Complex> conjugatePairsThenReals(List<Complex> values) {
        List<Complex> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingDouble(Complex::re).thenComparingDouble(c -> Math.abs(c.im())));
        List<Complex> reals = new ArrayList<>();
        List<Complex> positive = new ArrayList<>();
        List<Complex> negative = new ArrayList<>();
        for (Complex c : sorted) {
            if (Math.abs(c.im()) <= REAL_TOLERANCE * c.abs()) {
                reals.add(Complex.real(c.re()));
            } else if (c.im() > 0) {
                positive.add(c);
            } else {
                negative.add(c);
            }
        }
        if (positive.size() != negative.size()) {
            throw new IllegalStateException("complex roots without matching conjugates: " + values);
        }
        sortRunsOfEqualRealPart(positive);
        sortRunsOfEqualRealPart(negative);
        List<Complex> result = new ArrayList<>();
        for (int i = 0; i < positive.size(); i++) {
            Complex a = positive.get(i);
            Complex b = negative.get(i);
            if (a.minus(b.conjugate()).abs() > REAL_TOLERANCE * b.abs()) {
                throw new IllegalStateException("complex roots without matching conjugates: " + values);
            }
            result.add(new Complex((a.re() + b.re()) / 2.0, (a.im() - b.im()) / 2.0));
        }
        result.addAll(reals);
        return result;
    }

    /** Within runs of (nearly) equal real parts, order by imaginary magnitude, as {@code _cplxreal} does. */
    private static void sortRunsOfEqualRealPart(List<Complex> values) {
        int start = 0;
        while (start < values.size()) {
            int end = start + 1;
            while (end < values.size()
                    && values.get(end).re() - values.get(end - 1).re() <= REAL_TOLERANCE * values.get(end - 1).abs()) {
                end++;
            }
            values.subList(start, end).sort(Comparator.comparingDouble(c -> Math.abs(c.im())));
            start = end;
        }
    }

    /** Index of the first value of the given kind closest to the unit circle ({@code argmin |1 - |p||}). */
    private static int closestToUnitCircle(List<Complex> values, Kind kind) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            Complex c = values.get(i);
            double distance = Math.abs(1.0 - c.abs());
            if (matches(c, kind) && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Index of the value of the given kind nearest to {@code target} (first one on ties). */
    private static int nearest(List<Complex> values, Complex target, Kind kind) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            Complex c = values.get(i);
            double distance = c.minus(target).abs();
            if (matches(c, kind) && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no " + kind + " zero left to pair with pole " + target);
        }
        return best;
    }

    private static boolean matches(Complex c, Kind kind) {
        return kind == Kind.ANY || (kind == Kind.REAL) == c.isReal();
    }

    /** Writes one section: numerator and denominator polynomials of up to two roots, right-aligned. */
    private static void put(double[] sos, int section, List<Complex> zeros, List<Complex> poles) {
        int offset = section * SecondOrderSections.COEFFICIENTS_PER_SECTION;
        double[] b = polynomial(zeros);
        double[] a = polynomial(poles);
        System.arraycopy(b, 0, sos, offset + 3 - b.length, b.length);
        System.arraycopy(a, 0, sos, offset + 6 - a.length, a.length);
    }

    /** Real coefficients of {@code prod (x - root)}, highest power first, as numpy's {@code poly}. */
    private static double[] polynomial(List<Complex> roots) {
        return switch (roots.size()) {
            case 0 -> new double[] {1.0};
            case 1 -> new double[] {1.0, -roots.get(0).re()};
            default -> {
                Complex r1 = roots.get(0);
                Complex r2 = roots.get(1);
                yield new double[] {1.0, r2.negate().plus(r1.negate()).re(), r1.negate().times(r2.negate()).re()};
            }
        };
    }
}
