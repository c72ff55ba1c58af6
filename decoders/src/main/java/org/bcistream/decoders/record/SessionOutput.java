package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

/**
 * One output of a session's pipeline: exactly one of a feature frame, a marker passed through, a latent
 * frame, or a decoded (generated) output. A closed union as a record so Flink serialises it without Kryo.
 *
 * @param frame a feature frame, or null
 * @param marker a marker, or null
 * @param latent a latent frame, or null
 * @param decoded a generated image or speech chunk, or null
 */
public record SessionOutput(FeatureFrame frame, MarkerEvent marker, LatentFrame latent, DecodedOutput decoded) {
    public SessionOutput {
        int held = (frame != null ? 1 : 0) + (marker != null ? 1 : 0) + (latent != null ? 1 : 0) + (decoded != null ? 1 : 0);
        if (held != 1) {
            throw invalid("a session output holds exactly one of frame, marker, latent, decoded; this one holds %d", held);
        }
    }

    public static SessionOutput of(FeatureFrame frame) {
        return new SessionOutput(frame, null, null, null);
    }

    public static SessionOutput of(MarkerEvent marker) {
        return new SessionOutput(null, marker, null, null);
    }

    public static SessionOutput of(LatentFrame latent) {
        return new SessionOutput(null, null, latent, null);
    }

    public static SessionOutput of(DecodedOutput decoded) {
        return new SessionOutput(null, null, null, decoded);
    }

    /** The session of whichever output this holds. */
    public String sessionId() {
        return frame != null ? frame.sessionId() : marker != null ? marker.sessionId() : latent != null ? latent.sessionId()
                : decoded.sessionId();
    }
}
