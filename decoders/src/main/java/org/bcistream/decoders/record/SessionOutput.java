package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

/**
 * One output of a session's pipeline: exactly one of a feature frame, a marker passed through, or a latent
 * frame. A closed union as a record so Flink serialises it without Kryo.
 *
 * @param frame a feature frame, or null
 * @param marker a marker, or null
 * @param latent a latent frame, or null
 */
public record SessionOutput(FeatureFrame frame, MarkerEvent marker, LatentFrame latent) {
    public SessionOutput {
        int held = (frame != null ? 1 : 0) + (marker != null ? 1 : 0) + (latent != null ? 1 : 0);
        if (held != 1) {
            throw invalid("a session output holds exactly one of frame, marker, latent; this one holds %d", held);
        }
    }

    public static SessionOutput of(FeatureFrame frame) {
        return new SessionOutput(frame, null, null);
    }

    public static SessionOutput of(MarkerEvent marker) {
        return new SessionOutput(null, marker, null);
    }

    public static SessionOutput of(LatentFrame latent) {
        return new SessionOutput(null, null, latent);
    }

    /** The session of whichever output this holds. */
    public String sessionId() {
        return frame != null ? frame.sessionId() : marker != null ? marker.sessionId() : latent.sessionId();
    }
}
