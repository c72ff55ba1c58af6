package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one generation request of a session: a generated image or speech chunk with the generator
 * steps it used and where its time went, or, when the request could not be served, its status and timing
 * with no payload.
 *
 * <p>Immutable: the payload is copied in and out. Invariants: a {@link GenerationStatus#GENERATED} output has
 * a non-empty payload and {@code generatorSteps >= 1}; any other has an empty payload and 0 steps;
 * {@code budgetNanos > 0}; {@code index >= 0}.
 *
 * @param sessionId the session
 * @param index the session's generation number (the request's), from 0
 * @param target the cued target the request was for, or empty when none is known
 * @param kind image or speech
 * @param status generated, or why not
 * @param payload PNG bytes or PCM samples (see {@link OutputKind}); empty unless generated
 * @param generatorSteps diffusion sampling steps used; 0 unless generated
 * @param budgetNanos the latency budget the output was generated under, nanoseconds
 * @param latency instants through the engine
 */
public record DecodedOutput(
        String sessionId, long index, String target, OutputKind kind, GenerationStatus status, byte[] payload,
        int generatorSteps, long budgetNanos, LatencyBreakdown latency) {

    public DecodedOutput {
        Checks.sessionId(sessionId);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "output kind");
        Objects.requireNonNull(status, "generation status");
        Objects.requireNonNull(payload, "payload");
        if (index < 0) {
            throw invalid("%s output of session %s has index %d; it must be >= 0", kind, sessionId, index);
        }
        if (status == GenerationStatus.GENERATED && payload.length == 0) {
            throw invalid("%s output of session %s has an empty payload", kind, sessionId);
        }
        if (status == GenerationStatus.GENERATED ? generatorSteps < 1 : generatorSteps != 0 || payload.length != 0) {
            throw invalid("%s output %d of session %s is %s with %d generator steps and %d payload bytes", kind, index,
                    sessionId, status, generatorSteps, payload.length);
        }
        if (!(budgetNanos > 0)) {
            throw invalid("%s output of session %s has budget %d ns; it must be > 0", kind, sessionId, budgetNanos);
        }
        Objects.requireNonNull(latency, "latency breakdown");
        payload = payload.clone();
    }

    /** A generated output. */
    public static DecodedOutput generated(String sessionId, long index, String target, OutputKind kind, byte[] payload,
            int generatorSteps, long budgetNanos, LatencyBreakdown latency) {
        return new DecodedOutput(sessionId, index, target, kind, GenerationStatus.GENERATED, payload, generatorSteps,
                budgetNanos, latency);
    }

    /** A request that was not served, for {@code status}; no payload. */
    public static DecodedOutput notGenerated(String sessionId, long index, String target, OutputKind kind,
            GenerationStatus status, long budgetNanos, LatencyBreakdown latency) {
        return new DecodedOutput(sessionId, index, target, kind, status, new byte[0], 0, budgetNanos, latency);
    }

    /** True when the output was generated and emitted within its budget. */
    public boolean deadlineMet() {
        return status == GenerationStatus.GENERATED && latency.endToEndNanos() <= budgetNanos;
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
                && index == other.index
                && target.equals(other.target)
                && kind == other.kind
                && status == other.status
                && generatorSteps == other.generatorSteps
                && budgetNanos == other.budgetNanos
                && latency.equals(other.latency)
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(sessionId, index, target, kind, status, generatorSteps, latency) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DecodedOutput[session=%s #%d, target '%s', %s %s, %d bytes, %d steps, %.3f ms of %.3f ms]",
                sessionId, index, target, kind, status, payload.length, generatorSteps, latency.endToEndNanos() / 1e6,
                budgetNanos / 1e6);
    }
}
