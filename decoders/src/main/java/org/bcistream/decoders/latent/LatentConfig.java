package org.bcistream.decoders.latent;

import java.io.Serializable;
import java.util.Objects;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.IpvaeModel;

/**
 * What the latent stage runs: a trained iP-VAE model, its inference settings, and the seed every session's
 * spike sampling derives from (session {@code s} draws from {@link #sessionSeed(String)}, so a replay of the same
 * sessions draws the same spikes whatever the parallelism).
 *
 * @param model the trained model; its feature count M must equal the pipeline's channels x bands
 * @param inference inner steps, clamps, β and KL form
 * @param seed the run's seed
 */
public record LatentConfig(IpvaeModel model, IpvaeConfig inference, long seed) implements Serializable {
    public LatentConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(inference, "inference");
    }

    /** The seed of one session: the run's seed mixed with the session id (SplitMix64 finaliser of both). */
    public long sessionSeed(String sessionId) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (sessionId.hashCode() + 0x632BE59BD9B4E019L));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
