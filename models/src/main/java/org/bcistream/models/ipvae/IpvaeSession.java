package org.bcistream.models.ipvae;

/**
 * One stream of frames through the iP-VAE: an {@link IpvaeEngine} bound to one {@link IpvaeState} and one
 * reusable {@link IpvaeFrame}. The posterior after each frame is the prior of the next (spec ipvae.md
 * §7); the first frame starts from u_init.
 *
 * <p>Deterministic: the same model, configuration, seed and frames give the same outputs, bit for bit,
 * and a session rebuilt from a {@link #snapshot()} (directly or through {@link IpvaeState#toBytes()})
 * continues exactly as the original would have. Not thread-safe; sessions that share an engine must run
 * on the engine's thread.
 *
 * <pre>{@code
 * IpvaeEngine engine = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
 * IpvaeSession session = IpvaeSession.start(engine, seed);
 * IpvaeFrame frame = session.step(x);            // rates, spikes, F, R² of this frame
 * byte[] saved = session.snapshot().toBytes();   // e.g. into Flink keyed state
 * IpvaeSession resumed = new IpvaeSession(engine, IpvaeState.fromBytes(saved));
 * }</pre>
 */
public final class IpvaeSession {
    private final IpvaeEngine engine;
    private final IpvaeState state;
    private final IpvaeFrame frame;

    /**
     * A session that continues from a copy of {@code state}.
     *
     * @param engine an engine with batch size 1, shareable with other sessions on the same thread
     * @param state where to continue from; must belong to the engine's model
     * @throws InvalidIpvaeException if the engine is batched or the state belongs to another model
     */
    public IpvaeSession(IpvaeEngine engine, IpvaeState state) {
        if (engine == null || state == null) {
            throw Checks.invalid("a session needs an engine and a state");
        }
        if (engine.batchSize() != 1) {
            throw Checks.invalid("a session needs an engine of batch size 1; got %d", engine.batchSize());
        }
        if (state.modelFingerprint() != engine.model().fingerprint()) {
            throw Checks.invalid("the state belongs to model %x, not to the engine's model %x",
                    state.modelFingerprint(), engine.model().fingerprint());
        }
        this.engine = engine;
        this.state = state.copy();
        this.frame = new IpvaeFrame(state.latentCount());
    }

    /** A new session at frame 0 whose spikes come from {@code SplitMix64.of(seed)}. */
    public static IpvaeSession start(IpvaeEngine engine, long seed) {
        return new IpvaeSession(engine, IpvaeState.initial(engine.model(), seed));
    }

    /**
     * Runs one frame and returns this session's result holder, which the next step overwrites.
     *
     * @param x the frame, M finite values
     */
    public IpvaeFrame step(double[] x) {
        engine.step(state, x, frame);
        return frame;
    }

    /** {@link #step(double[])} for a float32 frame. */
    public IpvaeFrame step(float[] x) {
        engine.step(state, x, frame);
        return frame;
    }

    /** Frames processed so far. */
    public long frameCount() {
        return state.frameCount();
    }

    /** A copy of the current state, from which a new session continues exactly. */
    public IpvaeState snapshot() {
        return state.copy();
    }
}
