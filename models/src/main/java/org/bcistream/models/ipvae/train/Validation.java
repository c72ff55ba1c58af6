package org.bcistream.models.ipvae.train;

import java.util.Locale;
import org.bcistream.models.ipvae.InvalidIpvaeException;

/** Precondition helper for this package; the message is formatted only on failure. */
final class Validation {
    private Validation() {}

    static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new InvalidIpvaeException(String.format(Locale.ROOT, format, args));
        }
    }
}
