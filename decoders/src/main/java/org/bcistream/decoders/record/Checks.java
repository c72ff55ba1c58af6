package org.bcistream.decoders.record;

import java.util.Locale;

/** Precondition helpers shared by the record factories; messages are formatted only on failure. */
final class Checks {
    private Checks() {}

    /** The exception for a failed invariant; callers test first, so nothing is formatted or boxed on success. */
    static InvalidRecordException invalid(String format, Object... args) {
        return new InvalidRecordException(String.format(Locale.ROOT, format, args));
    }

    static String sessionId(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw invalid("session id is missing or blank");
        }
        return sessionId;
    }

    /**
     * Checks that time stamps are finite and never go backwards.
     *
     * @param what the kind of time stamps, for the message ({@code time stamps}, {@code spike times})
     */
    static void finiteNonDecreasing(double[] times, String what, String sessionId) {
        if (times == null) {
            throw invalid("%s of session %s are missing", what, sessionId);
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            if (!Double.isFinite(t)) {
                throw invalid("%s of session %s: [%d] is %s, not a finite number of seconds", what, sessionId, i, t);
            }
            if (t < previous) {
                throw invalid("%s of session %s go backwards at index %d: %.6f s after %.6f s", what, sessionId, i, t, previous);
            }
            previous = t;
        }
    }
}
