package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

import java.util.Objects;

/**
 * A time-stamped event of a session: a cue, a trial end, a hardware trigger or free text.
 *
 * <p>Immutable. Invariants: session id and label present; time stamp finite (seconds, source clock).
 *
 * @param sessionId the session
 * @param timestamp source time of the event, seconds
 * @param kind what the marker announces
 * @param label the target, trigger code or text
 */
public record MarkerEvent(String sessionId, double timestamp, MarkerKind kind, String label) {
    public MarkerEvent {
        Checks.sessionId(sessionId);
        if (!Double.isFinite(timestamp)) {
            throw invalid("marker of session %s has time stamp %s; it must be finite", sessionId, timestamp);
        }
        Objects.requireNonNull(kind, "marker kind");
        if (!(label != null)) {
            throw invalid("marker of session %s at %.6f s has no label", sessionId, timestamp);
        }
    }
}
