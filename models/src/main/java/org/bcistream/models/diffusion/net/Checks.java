package org.bcistream.models.diffusion.net;

import java.util.Locale;

/** Precondition helpers for this package; messages are formatted only on failure. */
final class Checks {
    private Checks() {}

    static IllegalArgumentException invalid(String format, Object... args) {
        return new IllegalArgumentException(String.format(Locale.ROOT, format, args));
    }

    static void length(float[] array, int expected, String what) {
        if (array == null || array.length != expected) {
            throw invalid("%s must have %d values; got %s", what, expected,
                    array == null ? "none" : String.valueOf(array.length));
        }
    }
}
