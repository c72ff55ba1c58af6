package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

import org.bcistream.models.random.PoissonSampler;
import org.bcistream.models.random.SplitMix64;

/**
 * Online iP-VAE inference exactly as the reference code runs it (spec ipvae.md §2.2, §7, §9.3): for each
 * frame x of a session,
 *
 * <ol>
 *   <li>at the session's first frame, u ← u_init; then the prior u<sub>0</sub> ← u;
 *   <li>{@code innerSteps} times: draw z ~ Poisson(e<sup>u</sup> + 2<sup>-23</sup>) from the current state,
 *       Δ = η·[Φᵀ((x − Φz) ⊘ σ²) − b − β<sub>inner</sub>(u − u<sub>0</sub>)] (the last term only when
 *       innerSteps &gt; 1), Δ ← S<sub>c_Δ</sub>(max(Δ, −8)), u ← S<sub>c_u</sub>(max(u + Δ, −8)) with the
 *       smooth ceiling S<sub>c</sub>(y) = c − softplus(c − y);
 *   <li>draw a fresh sample z_out ~ Poisson(e<sup>u</sup> + 2<sup>-23</sup>) from the updated state and
 *       report it with the rates e<sup>u</sup> and the metrics of {@link IpvaeFrame}.
 * </ol>
 *
 * The linear algebra runs in a {@link DecoderKernel}: {@link #sparse} for one session on plain arrays
 * (work proportional to the spikes), {@link #dense} for ND4J matrix products over a batch of sessions.
 * Every spike is drawn from its session's own {@link SplitMix64}, latent by latent in index order, so a
 * session's outputs depend only on its seed and its inputs, not on the batch it runs in.
 *
 * <p>An engine holds the model's precomputed matrices and B-sized work buffers; a step allocates nothing
 * (the dense kernel's JNI calls aside). Share one engine among the sessions of one thread or operator;
 * not thread-safe. Inputs are checked (lengths, finite values, states made for this model).
 */
public final class IpvaeEngine {

    /** float32 machine epsilon, added to every rate before sampling as PyTorch's Poisson sampling does. */
    static final double RATE_EPSILON = 0x1.0p-23;

    private static final SpikeSource POISSON = IpvaeEngine::drawPoisson;

    private final IpvaeModel model;
    private final IpvaeConfig config;
    private final DecoderKernel kernel;
    private final int batch;
    private final int features;
    private final int latents;
    private final double logNormaliser;
    private final double[] frames;
    private final double[] spikes;
    private final double[] projection;
    private final double[] priors;
    private final double[] reconstruction;
    private final IpvaeState[] oneState = new IpvaeState[1];
    private final IpvaeFrame[] oneFrame = new IpvaeFrame[1];

    /**
     * An engine that computes with {@code kernel}, which must have been made for {@code model.decoder()}.
     *
     * @throws InvalidIpvaeException if the kernel's decoder differs from the model's
     */
    public IpvaeEngine(IpvaeModel model, IpvaeConfig config, DecoderKernel kernel) {
        if (model == null || config == null || kernel == null) {
            throw invalid("an engine needs a model, a configuration and a kernel");
        }
        if (!kernel.decoder().equals(model.decoder())) {
            throw invalid("the kernel was made for %s, not for this model's %s", kernel.decoder(), model.decoder());
        }
        this.model = model;
        this.config = config;
        this.kernel = kernel;
        this.batch = kernel.batchSize();
        this.features = model.featureCount();
        this.latents = model.latentCount();
        this.logNormaliser = ReconstructionMetrics.logNormaliser(model.decoder());
        this.frames = new double[batch * features];
        this.spikes = new double[batch * latents];
        this.projection = new double[batch * latents];
        this.priors = new double[batch * latents];
        this.reconstruction = new double[batch * features];
    }

    /** One session at a time on plain arrays ({@link SparseDecoderKernel}); builds the K×K Gram matrix. */
    public static IpvaeEngine sparse(IpvaeModel model, IpvaeConfig config) {
        return new IpvaeEngine(model, config, new SparseDecoderKernel(model.decoder(), 1));
    }

    /** {@code batchSize} sessions per step with dense ND4J products ({@link Nd4jDecoderKernel}). */
    public static IpvaeEngine dense(IpvaeModel model, IpvaeConfig config, int batchSize) {
        return new IpvaeEngine(model, config, new Nd4jDecoderKernel(model.decoder(), batchSize));
    }

    public IpvaeModel model() {
        return model;
    }

    public IpvaeConfig config() {
        return config;
    }

    /** Sessions per step B: 1 for {@link #step}, B for {@link #stepBatch}. */
    public int batchSize() {
        return batch;
    }

    /**
     * Runs one frame of one session: advances {@code state} and fills {@code out}.
     *
     * @param state the session's state, made for this engine's model
     * @param x the frame, M finite values
     * @param out the holder for the results, K latents
     * @throws InvalidIpvaeException if the engine's batch size is not 1, or for a wrong length, a non-finite
     *     value or a state of another model
     */
    public void step(IpvaeState state, double[] x, IpvaeFrame out) {
        requireSingle();
        Checks.length(x, features, "frame");
        for (int m = 0; m < features; m++) {
            frames[m] = finite(x[m], 0, m);
        }
        runSingle(state, out, POISSON);
    }

    /** {@link #step(IpvaeState, double[], IpvaeFrame)} for a float32 frame (widened to double). */
    public void step(IpvaeState state, float[] x, IpvaeFrame out) {
        requireSingle();
        Checks.length(x, features, "frame");
        for (int m = 0; m < features; m++) {
            frames[m] = finite(x[m], 0, m);
        }
        runSingle(state, out, POISSON);
    }

    /**
     * Runs one frame of each of B sessions.
     *
     * @param states the B sessions' states (distinct objects)
     * @param x the frames, B×M row-major, row b for {@code states[b]}
     * @param out B holders, {@code out[b]} filled for {@code states[b]}
     */
    public void stepBatch(IpvaeState[] states, double[] x, IpvaeFrame[] out) {
        Checks.length(x, batch * features, "batch of frames");
        for (int b = 0; b < batch; b++) {
            for (int m = 0; m < features; m++) {
                frames[b * features + m] = finite(x[b * features + m], b, m);
            }
        }
        run(states, out, POISSON);
    }

    /** {@link #step(IpvaeState, double[], IpvaeFrame)} with spikes from {@code source} instead of Poisson draws. */
    void stepWithSpikes(IpvaeState state, double[] x, IpvaeFrame out, SpikeSource source) {
        requireSingle();
        Checks.length(x, features, "frame");
        System.arraycopy(x, 0, frames, 0, features);
        runSingle(state, out, source);
    }

    private void runSingle(IpvaeState state, IpvaeFrame out, SpikeSource source) {
        oneState[0] = state;
        oneFrame[0] = out;
        try {
            run(oneState, oneFrame, source);
        } finally {
            oneState[0] = null;
            oneFrame[0] = null;
        }
    }

    private void run(IpvaeState[] states, IpvaeFrame[] out, SpikeSource source) {
        checkBatch(states, out);
        for (int b = 0; b < batch; b++) {
            IpvaeState state = states[b];
            if (state.frameCount() == 0) {
                System.arraycopy(model.uInitArray(), 0, state.u(), 0, latents);
            }
            System.arraycopy(state.u(), 0, priors, b * latents, latents);
        }
        kernel.loadFrames(frames);
        int innerSteps = config.innerSteps();
        for (int pass = 0; pass < innerSteps; pass++) {
            source.draw(states, pass, spikes);
            kernel.backProject(spikes, projection);
            for (int b = 0; b < batch; b++) {
                update(states[b].u(), b * latents, innerSteps > 1);
            }
        }
        source.draw(states, innerSteps, spikes);
        kernel.decode(spikes, reconstruction);
        for (int b = 0; b < batch; b++) {
            report(states[b], b, out[b]);
        }
    }

    /** One update of u from the back-projection of row {@code row}; the leak only with several passes. */
    private void update(double[] u, int row, boolean leak) {
        double gain = model.gain();
        double[] bias = model.biasArray();
        double betaInner = config.betaInner();
        double clampU = config.clampU();
        double clampDelta = config.clampDeltaU();
        for (int k = 0; k < latents; k++) {
            double drift = projection[row + k] - bias[k];
            if (leak) {
                drift -= betaInner * (u[k] - priors[row + k]);
            }
            double delta = Clamps.poisson(gain * drift, clampDelta);
            u[k] = Clamps.poisson(u[k] + delta, clampU);
        }
    }

    private void report(IpvaeState state, int b, IpvaeFrame out) {
        double[] u = state.u();
        double[] rates = out.ratesArray();
        int[] counts = out.spikesArray();
        KlForm form = config.klForm();
        int row = b * latents;
        double kl = 0;
        for (int k = 0; k < latents; k++) {
            rates[k] = Math.exp(u[k]);
            counts[k] = (int) spikes[row + k];
            kl += form.divergence(u[k], priors[row + k]);
        }
        int frame = b * features;
        double nll = ReconstructionMetrics.weightedSquaredError(frames, frame, reconstruction, frame,
                model.decoder().inverseVariance()) / 2 + logNormaliser;
        double r2 = ReconstructionMetrics.r2(frames, frame, reconstruction, frame, features);
        out.set(state.frameCount(), nll, kl, nll + config.beta() * kl, r2);
        state.advanceFrame();
    }

    private static void drawPoisson(IpvaeState[] states, int pass, double[] z) {
        int offset = 0;
        for (IpvaeState state : states) {
            double[] u = state.u();
            SplitMix64 random = state.random();
            for (int k = 0; k < u.length; k++) {
                z[offset + k] = PoissonSampler.sample(random, Math.exp(u[k]) + RATE_EPSILON);
            }
            offset += u.length;
        }
    }

    private void requireSingle() {
        if (batch != 1) {
            throw invalid("this engine steps %d sessions at once; use stepBatch", batch);
        }
    }

    private void checkBatch(IpvaeState[] states, IpvaeFrame[] out) {
        if (states == null || out == null || states.length != batch || out.length != batch) {
            throw invalid("a step needs %d states and %d result holders; got %s and %s", batch, batch,
                    states == null ? "none" : String.valueOf(states.length),
                    out == null ? "none" : String.valueOf(out.length));
        }
        for (int b = 0; b < batch; b++) {
            IpvaeState state = states[b];
            if (state == null || state.modelFingerprint() != model.fingerprint()) {
                throw invalid("state %d belongs to model %s, not to this engine's model %x", b,
                        state == null ? "none" : Long.toHexString(state.modelFingerprint()),
                        model.fingerprint());
            }
            if (state.latentCount() != latents || out[b] == null || out[b].latentCount() != latents) {
                throw invalid("state %d and its result holder must have K = %d latents", b, latents);
            }
        }
    }

    private static double finite(double value, int row, int feature) {
        if (!Double.isFinite(value)) {
            throw invalid("frame %d, feature %d is %s, not a finite number", row, feature, value);
        }
        return value;
    }
}
