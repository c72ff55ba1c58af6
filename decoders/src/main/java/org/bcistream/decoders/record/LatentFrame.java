package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

import java.util.Arrays;
import java.util.Locale;

/**
 * The iP-VAE posterior of a session after one feature frame: the rates {@code exp(u)} of the K latents,
 * the spike counts drawn from them, the free energy of the frame and how well the latents explain it.
 *
 * <p>Immutable: arrays are copied in and out. Invariants: {@code index >= 0}; {@code rates} and
 * {@code spikeCounts} have the same length K &gt; 0; rates finite and {@code >= 0}; counts {@code >= 0};
 * frame time finite; {@code innerSteps >= 1}; free energy and R² not NaN; {@code ingestNanos <= latentNanos}.
 *
 * @param sessionId the session
 * @param index the session's latent frame number, from 0 (equal to the feature frame's index)
 * @param frameTime source time of the feature frame this posterior explains, seconds
 * @param rates posterior Poisson rates, one per latent
 * @param spikeCounts spike counts sampled from the updated posterior
 * @param freeEnergy free energy (negative ELBO) of the frame, nats
 * @param reconstructionR2 R² of the frame's reconstruction from the spike counts (1 is perfect; may be negative)
 * @param innerSteps number of inference updates run on the frame
 * @param ingestNanos ingest instant of the newest chunk behind the frame, local monotonic nanoseconds
 * @param latentNanos instant the posterior was computed, local monotonic nanoseconds
 */
public record LatentFrame(
        String sessionId, long index, double frameTime, float[] rates, int[] spikeCounts, double freeEnergy, double reconstructionR2,
        int innerSteps, long ingestNanos, long latentNanos) {

    public LatentFrame {
        Checks.sessionId(sessionId);
        if (!(index >= 0)) {
            throw invalid("latent frame of session %s has index %d", sessionId, index);
        }
        if (!Double.isFinite(frameTime)) {
            throw invalid("latent frame of session %s has time %s", sessionId, frameTime);
        }
        if (!(rates != null && rates.length > 0)) {
            throw invalid("latent frame of session %s has no rates", sessionId);
        }
        if (!(spikeCounts != null && spikeCounts.length == rates.length)) {
            throw invalid("latent frame of session %s has %d rates but %d spike counts", sessionId, rates.length,
                spikeCounts == null ? 0 : spikeCounts.length);
        }
        for (int k = 0; k < rates.length; k++) {
            if (!(Float.isFinite(rates[k]) && rates[k] >= 0)) {
                throw invalid("latent %d of session %s has rate %s", k, sessionId, rates[k]);
            }
            if (!(spikeCounts[k] >= 0)) {
                throw invalid("latent %d of session %s has spike count %d", k, sessionId, spikeCounts[k]);
            }
        }
        if (Double.isNaN(freeEnergy) || Double.isNaN(reconstructionR2)) {
            throw invalid("latent frame of session %s at %.6f s has free energy %s and R² %s", sessionId, frameTime, freeEnergy,
                reconstructionR2);
        }
        if (!(innerSteps >= 1)) {
            throw invalid("latent frame of session %s ran %d inner steps; at least 1", sessionId, innerSteps);
        }
        if (!(ingestNanos <= latentNanos)) {
            throw invalid("latent frame of session %s was computed at %d ns, before its input was ingested at %d ns", sessionId,
                latentNanos, ingestNanos);
        }
        rates = rates.clone();
        spikeCounts = spikeCounts.clone();
    }

    /** Number of latents K. */
    public int latentCount() {
        return rates.length;
    }

    /** A copy of the rates. */
    @Override
    public float[] rates() {
        return rates.clone();
    }

    /** A copy of the spike counts. */
    @Override
    public int[] spikeCounts() {
        return spikeCounts.clone();
    }

    /** Fraction of latents with no spike in this frame. */
    public double zeroSpikeFraction() {
        int zeros = 0;
        for (int c : spikeCounts) {
            zeros += c == 0 ? 1 : 0;
        }
        return (double) zeros / spikeCounts.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentFrame other
                && sessionId.equals(other.sessionId)
                && index == other.index
                && Double.compare(frameTime, other.frameTime) == 0
                && Double.compare(freeEnergy, other.freeEnergy) == 0
                && Double.compare(reconstructionR2, other.reconstructionR2) == 0
                && innerSteps == other.innerSteps
                && ingestNanos == other.ingestNanos
                && latentNanos == other.latentNanos
                && Arrays.equals(rates, other.rates)
                && Arrays.equals(spikeCounts, other.spikeCounts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * sessionId.hashCode() + Long.hashCode(index)) + Double.hashCode(frameTime)) + Arrays.hashCode(rates);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LatentFrame[session=%s, #%d, t=%.6f s, K=%d, F=%.4f, R2=%.4f, steps=%d]",
                sessionId, index, frameTime, rates.length, freeEnergy, reconstructionR2, innerSteps);
    }
}
