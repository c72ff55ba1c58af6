package org.bcistream.models.ipvae.train;

import static org.bcistream.models.ipvae.train.Validation.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.IpvaeModel;
import org.bcistream.models.random.SplitMix64;

/**
 * Trains an iP-VAE on static frames as the reference code does (spec ipvae.md §4): every frame is held for
 * T_train unrolled inference steps from u_init with relaxed Poisson samples; the loss, averaged over the
 * steps and the batch and scaled by 256/M, is the Gaussian NLL with the learned σ plus β times the KL
 * between consecutive posteriors; one backward pass through the whole unrolled trajectory (hand-derived,
 * checked against finite differences in the tests) gives the gradient of Φ, log σ, log_bias, log_lr and
 * u_init; Adamax with weight decay, learning-rate warm-up and cosine decay, global-norm clipping, β
 * warm-up with clamp widening, temperature annealing, and the adaptive truncation of the relaxed samples.
 * Φ is not normalised (spec §4.3). Initialisation as spec §2.5.
 *
 * <p>Deterministic: the same configuration (seed included) and frames give the same model, bit for bit, on
 * the same Java runtime and CPU ({@link Math#exp} and {@link Math#log} may differ by an ulp between
 * platforms). The seed feeds, through {@link SplitMix64#split()}, the initialisation, the per-epoch
 * shuffles, the noise of the relaxed samples, and the monitor evaluations. Single-threaded (about 20
 * iterations/s for K = 64, M = 32, batch 100, T_train = 16 on one core); an instance may be reused.
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.builder().setLatents(64).optBeta(16).optEpochs(40).build();
 * TrainingResult result = new IpvaeTrainer(config).train(frames, System.out::println);
 * IpvaeModel model = result.model();
 * EvaluationResult online = IpvaeEvaluation.online(model, config.inferenceConfig(), otherFrames, 1L);
 * }</pre>
 */
public final class IpvaeTrainer {
    private final TrainingConfig config;

    public IpvaeTrainer(TrainingConfig config) {
        check(config != null, "training configuration is missing");
        this.config = config;
    }

    public TrainingConfig config() {
        return config;
    }

    /**
     * Trains on {@code frames}.
     *
     * @param frames N×M: N &ge; batch size frames of M &ge; 1 finite values each; read, not copied, so do not
     *     change them during training
     * @param listener receives a progress report every {@link TrainingConfig#progressInterval()} iterations
     *     and after the last
     * @throws org.bcistream.models.ipvae.InvalidIpvaeException for ragged, non-finite or too few frames
     * @throws TrainingDivergedException if the loss or the gradient becomes non-finite
     */
    public TrainingResult train(double[][] frames, ProgressListener listener) {
        check(listener != null, "progress listener is missing (use ProgressListener.silent())");
        int features = checkFrames(frames);
        String fingerprint = DataFingerprint.sha256(frames);
        int batch = config.batchSize();
        int perEpoch = frames.length / batch;
        int iterations = Math.multiplyExact(config.epochs(), perEpoch);
        int steps = config.unrolledSteps();

        Schedules schedules = new Schedules(config, iterations);
        ParameterLayout layout = new ParameterLayout(features, config.latents());
        SplitMix64 root = SplitMix64.of(config.seed());
        double[] theta = layout.initial(root.split());
        SplitMix64 shuffler = root.split();
        long noiseKey = root.nextLong();
        long monitorSeed = root.nextLong();

        UnrolledObjective objective = new UnrolledObjective(layout, steps, config.klForm(), frames,
                ArrivalNoise.INSTANCE);
        Adamax optimiser = new Adamax(layout.size(), config.weightDecay());
        TruncationTracker truncation = new TruncationTracker(steps);
        IntToDoubleFunction batchMaxRate = objective::batchMaxRate;
        double[] grad = new double[layout.size()];
        int[] order = new int[frames.length];
        Arrays.setAll(order, i -> i);
        double[][] monitor = monitorFrames(frames);

        List<TrainingProgress> history = new ArrayList<>();
        long start = System.nanoTime();
        double lossSum = 0;
        int lossCount = 0;
        int iteration = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            shuffle(order, shuffler);
            truncation.startEpoch();
            for (int b = 0; b < perEpoch; b++) {
                Arrays.fill(grad, 0);
                double loss = objective.accumulate(theta, order, b * batch, batch, schedules.at(iteration),
                        truncation.truncation(), ArrivalNoise.child(noiseKey, iteration), grad);
                double norm = GradientClip.apply(grad, schedules.clipNorm(iteration));
                if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                    throw new TrainingDivergedException(String.format(Locale.ROOT,
                            "iP-VAE training diverged at iteration %d of %d: loss %s, gradient norm %s; "
                                    + "lower the learning rate (%s) or the gradient clip (%s)",
                            iteration, iterations, loss, norm, config.learningRate(), config.gradientClip()));
                }
                optimiser.step(theta, grad, schedules.learningRate(iteration));
                truncation.afterIteration(iteration, schedules.isWarmingUp(iteration), batchMaxRate);
                lossSum += loss;
                lossCount++;
                iteration++;
                if (iteration % config.progressInterval() == 0 || iteration == iterations) {
                    double seconds = (System.nanoTime() - start) * 1e-9;
                    EvaluationResult measured = IpvaeEvaluation.repeated(layout.toModel(theta),
                            monitorConfig(schedules.at(iteration - 1)), monitor, steps, monitorSeed);
                    double speed = iteration / seconds;
                    TrainingProgress progress = new TrainingProgress(iteration, iterations, lossSum / lossCount,
                            measured.meanR2(), measured.zeroFraction(), speed, (iterations - iteration) / speed);
                    history.add(progress);
                    listener.onProgress(progress);
                    lossSum = 0;
                    lossCount = 0;
                }
            }
        }
        IpvaeModel model = layout.toModel(theta);
        return new TrainingResult(model, config, fingerprint, history, iterations,
                (System.nanoTime() - start) * 1e-9);
    }

    /** Inference with the clamp widths of an iteration (only the clamps differ from the final config). */
    private IpvaeConfig monitorConfig(IterationSettings settings) {
        return new IpvaeConfig(IpvaeConfig.DEFAULT_INNER_STEPS, IpvaeConfig.DEFAULT_BETA_INNER, settings.clampU(),
                settings.clampDeltaU(), config.beta(), config.klForm());
    }

    private int checkFrames(double[][] frames) {
        check(frames != null && frames.length >= config.batchSize(),
                "training needs at least batch size = %d frames; got %s", config.batchSize(),
                frames == null ? "none" : String.valueOf(frames.length));
        check(frames[0] != null && frames[0].length > 0, "frame 0 is empty");
        int features = frames[0].length;
        for (int n = 0; n < frames.length; n++) {
            double[] x = frames[n];
            check(x != null && x.length == features, "frame %d has %s values; frame 0 has %d", n,
                    x == null ? "no" : String.valueOf(x.length), features);
            for (int m = 0; m < features; m++) {
                if (!Double.isFinite(x[m])) {
                    check(false, "frame %d, feature %d is %s, not a finite number", n, m, x[m]);
                }
            }
        }
        return features;
    }

    /** min(monitorFrames, N) frames evenly spaced over the data. */
    private double[][] monitorFrames(double[][] frames) {
        int count = Math.min(config.monitorFrames(), frames.length);
        double[][] monitor = new double[count][];
        for (int j = 0; j < count; j++) {
            monitor[j] = frames[(int) ((long) j * frames.length / count)];
        }
        return monitor;
    }

    /** Fisher-Yates with uniform indices from {@code random}. */
    private static void shuffle(int[] order, SplitMix64 random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
