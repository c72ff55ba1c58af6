package org.bcistream.models.diffusion;

import java.util.Locale;

/** Precondition helpers of the diffusion packages; messages are formatted only on failure. */
public final class Checks {
    private Checks() {}

    /** An {@link IllegalArgumentException} with the message {@code String.format(Locale.ROOT, format, args)}. */
    public static IllegalArgumentException invalid(String format, Object... args) {
        return new IllegalArgumentException(String.format(Locale.ROOT, format, args));
    }

    /** Requires {@code array} to hold exactly {@code expected} values, naming {@code what} otherwise. */
    public static void length(float[] array, int expected, String what) {
        if (array == null || array.length != expected) {
            throw invalid("%s must have %d values; got %s", what, expected,
                    array == null ? "none" : String.valueOf(array.length));
        }
    }
}
