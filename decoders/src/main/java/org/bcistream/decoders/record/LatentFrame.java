package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

import java.util.Arrays;
import java.util.Locale;

/**
 * The iP-VAE posterior of a session after one feature frame: the rates {@code exp(u)} of the K latents,
 * the spike counts drawn from them, and the free energy of the frame.
 *
 * <p>Immutable: arrays are copied in and out. Invariants: {@code rates} and {@code spikeCounts} have the
 * same length K &gt; 0; rates finite and {@code >= 0}; counts {@code >= 0}; frame time finite;
 * {@code innerSteps >= 1}; free energy not NaN.
 *
 * @param sessionId the session
 * @param frameTime source time of the feature frame this posterior explains, seconds
 * @param rates posterior Poisson rates, one per latent
 * @param spikeCounts spike counts sampled from the updated posterior
 * @param freeEnergy free energy (negative ELBO) of the frame, nats
 * @param innerSteps number of inference updates run on the frame
 */
public record LatentFrame(
        String sessionId, double frameTime, float[] rates, int[] spikeCounts, double freeEnergy, int innerSteps) {

    public LatentFrame {
        Checks.sessionId(sessionId);
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
        if (!(!Double.isNaN(freeEnergy))) {
            throw invalid("latent frame of session %s at %.6f s has NaN free energy", sessionId, frameTime);
        }
        if (!(innerSteps >= 1)) {
            throw invalid("latent frame of session %s ran %d inner steps; at least 1", sessionId, innerSteps);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentFrame other
                && sessionId.equals(other.sessionId)
                && Double.compare(frameTime, other.frameTime) == 0
                && Double.compare(freeEnergy, other.freeEnergy) == 0
                && innerSteps == other.innerSteps
                && Arrays.equals(rates, other.rates)
                && Arrays.equals(spikeCounts, other.spikeCounts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sessionId.hashCode() + Double.hashCode(frameTime)) + Arrays.hashCode(rates);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LatentFrame[session=%s, t=%.6f s, K=%d, F=%.4f, steps=%d]",
                sessionId, frameTime, rates.length, freeEnergy, innerSteps);
    }
}
