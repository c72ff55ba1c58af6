package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

/**
 * One output of a session's pipeline: exactly one of a feature frame or a marker passed through. A closed
 * union as a record so Flink serialises it without Kryo.
 *
 * @param frame a feature frame, or null
 * @param marker a marker, or null
 */
public record SessionOutput(FeatureFrame frame, MarkerEvent marker) {
    public SessionOutput {
        if (!((frame == null) != (marker == null))) {
            throw invalid("a session output holds exactly one of frame, marker");
        }
    }

    public static SessionOutput of(FeatureFrame frame) {
        return new SessionOutput(frame, null);
    }

    public static SessionOutput of(MarkerEvent marker) {
        return new SessionOutput(null, marker);
    }

    /** The session of whichever output this holds. */
    public String sessionId() {
        return frame != null ? frame.sessionId() : marker.sessionId();
    }
}
