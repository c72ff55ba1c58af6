package org.bcistream.decoders.trigger;

import java.util.Arrays;
import java.util.Objects;

/**
 * A trigger's decision to generate: the condition vector (mean latent rates over the trigger's window) and the
 * instants needed for the latency breakdown.
 *
 * <p>Immutable: the condition is copied in and out. Invariants: condition non-empty and finite; {@code index >= 0};
 * {@code ingestNanos <= latentNanos}.
 *
 * @param sessionId the session
 * @param index the session's generation number, from 0 (chained outputs: the chunk number)
 * @param target the cued target of a per-cue trial, or empty when none is known
 * @param condition mean posterior rates over the window, one per latent
 * @param sourceTime source time of the window's last frame, seconds
 * @param frames latent frames averaged
 * @param ingestNanos local monotonic instant the window's last input was ingested
 * @param latentNanos local monotonic instant the window's last latent frame was computed
 */
public record GenerationRequest(
        String sessionId, long index, String target, float[] condition, double sourceTime, int frames, long ingestNanos,
        long latentNanos) {

    public GenerationRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(target, "target");
        if (condition == null || condition.length == 0) {
            throw new IllegalArgumentException("generation request of session " + sessionId + " has no condition");
        }
        for (float c : condition) {
            if (!Float.isFinite(c)) {
                throw new IllegalArgumentException("generation request of session " + sessionId + " has condition value " + c);
            }
        }
        if (index < 0 || frames < 1 || ingestNanos > latentNanos) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "generation request %d of session %s over %d frames, ingest %d ns after latent %d ns", index, sessionId, frames,
                    ingestNanos, latentNanos));
        }
        condition = condition.clone();
    }

    @Override
    public float[] condition() {
        return condition.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenerationRequest r && sessionId.equals(r.sessionId) && index == r.index && target.equals(r.target)
                && Arrays.equals(condition, r.condition) && Double.compare(sourceTime, r.sourceTime) == 0 && frames == r.frames
                && ingestNanos == r.ingestNanos && latentNanos == r.latentNanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, index, target, Arrays.hashCode(condition), sourceTime, frames, ingestNanos, latentNanos);
    }

    @Override
    public String toString() {
        return "GenerationRequest[" + sessionId + " #" + index + " target '" + target + "' at " + sourceTime + " s over " + frames
                + " frames]";
    }
}
