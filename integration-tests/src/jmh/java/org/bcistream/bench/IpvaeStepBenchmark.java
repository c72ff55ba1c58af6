package org.bcistream.bench;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.IpvaeEngine;
import org.bcistream.models.ipvae.IpvaeFrame;
import org.bcistream.models.ipvae.IpvaeModel;
import org.bcistream.models.ipvae.IpvaeState;
import org.bcistream.models.ipvae.LinearDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One online iP-VAE frame ({@link IpvaeEngine}, default config: one update, Poisson spikes drawn twice,
 * reconstruction, free energy and R²) for M = K = 512, the size of the released vH16 model, on one thread.
 *
 * <ul>
 *   <li>{@code oneSession}: one session, one frame per call. {@code kernel = sparse}: plain arrays with the
 *       precomputed Gram matrix, work proportional to the spikes; {@code dense}: ND4J float64 GEMV, the
 *       reference formula.
 *   <li>{@code sixteenSessions}: one frame for each of 16 sessions per call. {@code sparse}: the 16 in turn
 *       on the one-session engine; {@code dense}: one batched step, two 16×512×512 GEMMs plus the decode.
 * </ul>
 *
 * <p>No trained weights exist here, so the model is random: Φ ~ N(0, 1/M) (unit-norm columns on
 * average), σ = 1, b = e^-3, u_init ~ U(-6, -4) and η = {@value #GAIN}. Frames are 32 white-noise
 * "images" of unit variance shown for {@value #FRAMES_PER_IMAGE} frames each (the reference evaluates
 * static inputs). With these settings about 80 % of the spike counts are 0, close to the 77 % the trained
 * vH16 model reaches (spec ipvae.md §5.2); with η = 1 the random model oscillates up to the rate ceiling.
 * Setup runs {@value #SETTLE_FRAMES} frames first and prints the fraction of zero counts, on which the
 * sparse kernel's cost depends.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IpvaeStepBenchmark {
    static final int FEATURES = 512;
    static final int LATENTS = 512;
    static final int SESSIONS = 16;
    static final int SETTLE_FRAMES = 512;
    static final double GAIN = 0.3;
    private static final int IMAGES = 32;
    private static final int FRAMES_PER_IMAGE = 64;

    /** One session on a one-session engine. */
    @State(Scope.Thread)
    public static class OneSession {
        @Param({"sparse", "dense"})
        public String kernel;

        IpvaeEngine engine;
        IpvaeState state;
        final IpvaeFrame frame = new IpvaeFrame(LATENTS);
        double[][] frames;
        int next;

        @Setup
        public void setUp() {
            IpvaeModel model = model();
            engine = engine(kernel, model, 1);
            state = IpvaeState.initial(model, 1);
            frames = frames(new Random(2));
            double zeros = 0;
            for (int t = 0; t < SETTLE_FRAMES; t++) {
                engine.step(state, frames[t % frames.length], frame);
                zeros += frame.zeroFraction();
            }
            System.out.printf(Locale.ROOT, "%n%s: fraction of zero spike counts over %d settling frames: %.3f%n",
                    kernel, SETTLE_FRAMES, zeros / SETTLE_FRAMES);
            next = SETTLE_FRAMES % frames.length;
        }
    }

    /** Sixteen sessions: in turn on a one-session sparse engine, or batched on a dense engine of 16. */
    @State(Scope.Thread)
    public static class SixteenSessions {
        @Param({"sparse", "dense"})
        public String kernel;

        IpvaeEngine engine;
        final IpvaeState[] states = new IpvaeState[SESSIONS];
        final IpvaeFrame[] out = new IpvaeFrame[SESSIONS];
        double[][] frames;
        /** The 16 sessions' frames side by side, one B×M block per time step. */
        double[][] batches;
        int next;

        @Setup
        public void setUp() {
            IpvaeModel model = model();
            boolean batched = kernel.equals("dense");
            engine = engine(kernel, model, batched ? SESSIONS : 1);
            frames = frames(new Random(3));
            batches = new double[frames.length][SESSIONS * FEATURES];
            for (int t = 0; t < frames.length; t++) {
                for (int b = 0; b < SESSIONS; b++) {
                    // session b is b images ahead, so the sessions see different inputs
                    double[] x = frames[(t + b * FRAMES_PER_IMAGE) % frames.length];
                    System.arraycopy(x, 0, batches[t], b * FEATURES, FEATURES);
                }
            }
            for (int b = 0; b < SESSIONS; b++) {
                states[b] = IpvaeState.initial(model, 100 + b);
                out[b] = new IpvaeFrame(LATENTS);
            }
            double zeros = 0;
            for (int t = 0; t < SETTLE_FRAMES; t++) {
                run(this, t % frames.length);
                zeros += out[0].zeroFraction();
            }
            System.out.printf(Locale.ROOT, "%n%s: fraction of zero spike counts of session 0 over %d settling"
                    + " frames: %.3f%n", kernel, SETTLE_FRAMES, zeros / SETTLE_FRAMES);
            next = SETTLE_FRAMES % frames.length;
        }
    }

    @Benchmark
    public IpvaeFrame oneSession(OneSession s) {
        double[] x = s.frames[s.next];
        s.next = s.next + 1 == s.frames.length ? 0 : s.next + 1;
        s.engine.step(s.state, x, s.frame);
        return s.frame;
    }

    @Benchmark
    public IpvaeFrame[] sixteenSessions(SixteenSessions s) {
        int t = s.next;
        s.next = s.next + 1 == s.frames.length ? 0 : s.next + 1;
        run(s, t);
        return s.out;
    }

    private static void run(SixteenSessions s, int t) {
        if (s.engine.batchSize() == SESSIONS) {
            s.engine.stepBatch(s.states, s.batches[t], s.out);
        } else {
            for (int b = 0; b < SESSIONS; b++) {
                s.engine.step(s.states[b], s.frames[(t + b * FRAMES_PER_IMAGE) % s.frames.length], s.out[b]);
            }
        }
    }

    static IpvaeEngine engine(String kernel, IpvaeModel model, int batch) {
        return switch (kernel) {
            case "sparse" -> IpvaeEngine.sparse(model, IpvaeConfig.defaults());
            case "dense" -> IpvaeEngine.dense(model, IpvaeConfig.defaults(), batch);
            default -> throw new IllegalArgumentException("kernel must be sparse or dense; got " + kernel);
        };
    }

    static IpvaeModel model() {
        Random random = new Random(1);
        double[][] phi = new double[FEATURES][LATENTS];
        double scale = 1 / Math.sqrt(FEATURES);
        for (double[] row : phi) {
            for (int k = 0; k < LATENTS; k++) {
                row[k] = scale * random.nextGaussian();
            }
        }
        double[] logBias = new double[LATENTS];
        double[] uInit = new double[LATENTS];
        for (int k = 0; k < LATENTS; k++) {
            logBias[k] = -3;
            uInit[k] = -6 + 2 * random.nextDouble();
        }
        return IpvaeModel.of(LinearDecoder.withUnitSigma(phi), logBias, Math.log(GAIN), uInit);
    }

    /** {@value #IMAGES} white-noise images of M unit-variance values, each {@value #FRAMES_PER_IMAGE} times. */
    static double[][] frames(Random random) {
        double[][] frames = new double[IMAGES * FRAMES_PER_IMAGE][];
        for (int image = 0; image < IMAGES; image++) {
            double[] x = new double[FEATURES];
            for (int m = 0; m < FEATURES; m++) {
                x[m] = random.nextGaussian();
            }
            for (int r = 0; r < FRAMES_PER_IMAGE; r++) {
                frames[image * FRAMES_PER_IMAGE + r] = x;
            }
        }
        return frames;
    }
}
