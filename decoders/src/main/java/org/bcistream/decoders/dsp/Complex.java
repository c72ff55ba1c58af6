package org.bcistream.decoders.dsp;

/**
 * An immutable complex number for filter design (poles, zeros); not used on the filtering hot path.
 *
 * @param re real part
 * @param im imaginary part
 */
record Complex(double re, double im) {
    static final Complex ZERO = new Complex(0.0, 0.0);

    static Complex real(double re) {
        return new Complex(re, 0.0);
    }

    /** {@code exp(i * theta)}. */
    static Complex unit(double theta) {
        return new Complex(Math.cos(theta), Math.sin(theta));
    }

    Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Complex times(double factor) {
        return new Complex(re * factor, im * factor);
    }

    /** Quotient by Smith's algorithm (no overflow for large parts). */
    Complex dividedBy(Complex o) {
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double ratio = o.im / o.re;
            double denominator = o.re + o.im * ratio;
            return new Complex((re + im * ratio) / denominator, (im - re * ratio) / denominator);
        }
        double ratio = o.re / o.im;
        double denominator = o.re * ratio + o.im;
        return new Complex((re * ratio + im) / denominator, (im * ratio - re) / denominator);
    }

    Complex negate() {
        return new Complex(-re, -im);
    }

    Complex conjugate() {
        return new Complex(re, -im);
    }

    double abs() {
        return Math.hypot(re, im);
    }

    /** Exactly real (imaginary part is zero), as numpy's {@code isreal}. */
    boolean isReal() {
        return im == 0.0;
    }

    /** Principal square root (branch cut on the negative real axis, sign of a zero imaginary part kept). */
    Complex sqrt() {
        if (re == 0.0 && im == 0.0) {
            return new Complex(0.0, im);
        }
        double t = Math.sqrt((Math.abs(re) + abs()) / 2.0);
        if (re >= 0.0) {
            return new Complex(t, im / (2.0 * t));
        }
        return new Complex(Math.abs(im) / (2.0 * t), Math.copySign(t, im));
    }
}
