package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A generated image or speech chunk of a session, with the generator steps it used and where its time
 * went.
 *
 * <p>Immutable: the payload is copied in and out. Invariants: payload non-empty; {@code generatorSteps >= 1};
 * {@code deadlineMet} is consistent with the latency and the budget ({@code endToEnd <= budget}).
 *
 * @param sessionId the session
 * @param kind image or speech
 * @param payload PNG bytes or PCM samples (see {@link OutputKind})
 * @param generatorSteps diffusion sampling steps used
 * @param budgetNanos the latency budget the output was generated under, nanoseconds
 * @param latency instants through the engine
 */
public record DecodedOutput(
        String sessionId, OutputKind kind, byte[] payload, int generatorSteps, long budgetNanos, LatencyBreakdown latency) {

    public DecodedOutput {
        Checks.sessionId(sessionId);
        Objects.requireNonNull(kind, "output kind");
        if (!(payload != null && payload.length > 0)) {
            throw invalid("%s output of session %s has an empty payload", kind, sessionId);
        }
        if (!(generatorSteps >= 1)) {
            throw invalid("%s output of session %s used %d generator steps; at least 1", kind, sessionId, generatorSteps);
        }
        if (!(budgetNanos > 0)) {
            throw invalid("%s output of session %s has budget %d ns; it must be > 0", kind, sessionId, budgetNanos);
        }
        Objects.requireNonNull(latency, "latency breakdown");
        payload = payload.clone();
    }

    /** True when the output was emitted within its budget. */
    public boolean deadlineMet() {
        return latency.endToEndNanos() <= budgetNanos;
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodedOutput other
                && sessionId.equals(other.sessionId)
                && kind == other.kind
                && generatorSteps == other.generatorSteps
                && budgetNanos == other.budgetNanos
                && latency.equals(other.latency)
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(sessionId, kind, generatorSteps, latency) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DecodedOutput[session=%s, %s, %d bytes, %d steps, %.3f ms of %.3f ms]",
                sessionId, kind, payload.length, generatorSteps, latency.endToEndNanos() / 1e6, budgetNanos / 1e6);
    }
}
