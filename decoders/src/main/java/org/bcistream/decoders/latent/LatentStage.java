package org.bcistream.decoders.latent;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.models.ipvae.IpvaeEngine;
import org.bcistream.models.ipvae.IpvaeFrame;
import org.bcistream.models.ipvae.IpvaeState;

/**
 * The online iP-VAE stage: every feature frame of a session updates the session's posterior, whose result is the
 * prior of the session's next frame (spec ipvae.md §7), and becomes a {@link LatentFrame}. The session's state
 * (membrane potentials, frame count, sampler state) lives in the caller's bytes ({@link IpvaeState#toBytes()}),
 * so one stage serves every session of a Flink subtask and a checkpoint restores each session exactly. Not
 * thread-safe (it reuses its work buffers).
 */
public final class LatentStage {
    private final LatentConfig config;
    private final IpvaeEngine engine;
    private final IpvaeFrame result;
    private final LongSupplier nanoClock;

    /**
     * @param featureCount M of the pipeline's feature frames (channels x bands); must equal the model's
     * @param nanoClock local monotonic clock for the latent instant of each frame
     * @throws IllegalArgumentException if the model does not fit the frames, naming both sizes
     */
    public LatentStage(LatentConfig config, int featureCount, LongSupplier nanoClock) {
        if (config.model().featureCount() != featureCount) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the iP-VAE model reads %d features per frame, but the pipeline makes %d (channels x bands); "
                            + "train the model on this profile and these bands", config.model().featureCount(), featureCount));
        }
        this.config = config;
        this.engine = IpvaeEngine.sparse(config.model(), config.inference());
        this.result = new IpvaeFrame(config.model().latentCount());
        this.nanoClock = nanoClock;
    }

    /** The state of a session before its first frame: u = u_init, its own seed. */
    public byte[] newState(String sessionId) {
        return IpvaeState.initial(config.model(), config.sessionSeed(sessionId)).toBytes();
    }

    /**
     * Runs one feature frame.
     *
     * @param state the session's state bytes; returned updated (the input array is not modified)
     * @return the posterior after the frame, and the updated state
     */
    public Result process(FeatureFrame frame, byte[] state) {
        IpvaeState s = IpvaeState.fromBytes(state);
        engine.step(s, frame.values(), result);
        int k = result.latentCount();
        float[] rates = new float[k];
        for (int i = 0; i < k; i++) {
            rates[i] = (float) result.rate(i);
        }
        LatentFrame latent = new LatentFrame(frame.sessionId(), frame.index(), frame.frameTime(), rates, result.spikeCounts(),
                result.freeEnergy(), result.r2(), config.inference().innerSteps(), frame.ingestNanos(),
                Math.max(frame.ingestNanos(), nanoClock.getAsLong()));
        return new Result(latent, s.toBytes());
    }

    /** The latent frame of one feature frame and the session's state after it. */
    public record Result(LatentFrame frame, byte[] state) {}
}
