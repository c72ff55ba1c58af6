package org.bcistream.decoders.record;

import java.util.Locale;

/** Precondition helpers shared by the record factories; messages are formatted only on failure. */
final class Checks {
    private Checks() {}

    static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new InvalidRecordException(String.format(Locale.ROOT, format, args));
        }
    }

    static String sessionId(String sessionId) {
        check(sessionId != null && !sessionId.isBlank(), "session id is missing or blank");
        return sessionId;
    }

    static void finiteNonDecreasing(double[] times, String what) {
        check(times != null, "%s are missing", what);
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            check(Double.isFinite(t), "%s[%d] is %s, not a finite number of seconds", what, i, t);
            check(t >= previous, "%s go backwards at index %d: %.6f s after %.6f s", what, i, t, previous);
            previous = t;
        }
    }
}
