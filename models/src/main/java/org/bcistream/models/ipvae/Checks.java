package org.bcistream.models.ipvae;

import java.util.Locale;

/** Precondition helpers for this package; messages are formatted only on failure. */
final class Checks {
    private Checks() {}

    static InvalidIpvaeException invalid(String format, Object... args) {
        return new InvalidIpvaeException(String.format(Locale.ROOT, format, args));
    }

    /** Checks that {@code values} has {@code length} finite entries; returns a copy. */
    static double[] finiteCopy(double[] values, int length, String what) {
        if (values == null) {
            throw invalid("%s is missing (expected %d values)", what, length);
        }
        if (values.length != length) {
            throw invalid("%s has %d values; expected %d", what, values.length, length);
        }
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(values[i])) {
                throw invalid("%s[%d] is %s, not a finite number", what, i, values[i]);
            }
        }
        return values.clone();
    }

    /** Checks that {@code exp(logValue)} is a finite positive number and returns it. */
    static double finiteExp(double logValue, String what) {
        double value = Math.exp(logValue);
        if (!(Double.isFinite(logValue) && value > 0 && Double.isFinite(value))) {
            throw invalid("%s is %s; exp of it must be a finite positive number", what, logValue);
        }
        return value;
    }

    static void length(double[] array, int expected, String what) {
        if (array == null || array.length != expected) {
            throw invalid("%s must have %d values; got %s", what, expected,
                    array == null ? "none" : String.valueOf(array.length));
        }
    }

    static void length(float[] array, int expected, String what) {
        if (array == null || array.length != expected) {
            throw invalid("%s must have %d values; got %s", what, expected,
                    array == null ? "none" : String.valueOf(array.length));
        }
    }

    /** A 64-bit fingerprint step: folds {@code value} into {@code hash} (rotate, xor, multiply by an odd constant). */
    static long fold(long hash, long value) {
        return (Long.rotateLeft(hash, 23) ^ value) * 0x9e3779b97f4a7c15L;
    }

    static long fold(long hash, double[] values) {
        long h = fold(hash, values.length);
        for (double v : values) {
            h = fold(h, Double.doubleToLongBits(v));
        }
        return h;
    }
}
