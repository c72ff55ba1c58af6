package org.bcistream.models.diffusion.train;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.bcistream.models.diffusion.NoiseSchedule;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link ConditionalNetwork} for v-prediction (spec ddim.md A.3; Salimans and Ho 2022) with
 * classifier-free-guidance condition dropout. Each step draws a batch ({@link BatchSampler}: t uniform in
 * 0..T−1 of the given schedule, ε ~ N(0, I), the condition replaced by the learned null condition with
 * probability p), and with output o minimises
 *
 * <pre>
 *   L = mean over batch and values of (o − v)²,   v = √ᾱ_t·ε − √(1−ᾱ_t)·x₀
 * </pre>
 *
 * by backpropagation, global-norm gradient clipping ({@link GradientClipping}) and Adam ({@link Adam}), then
 * updates the weight EMA ({@link WeightAverage}). Train with the schedule you will sample with (e.g.
 * {@code NoiseSchedule.linear().withZeroTerminalSnr()} and trailing spacing, spec A.8).
 *
 * <p>Deterministic: the same network initialisation, data, configuration (seed included) and thread count
 * give the same weights bit for bit (ND4J ops run single-threaded in tests; BLAS with several threads may
 * reorder sums). Single-threaded; an instance may run several times.
 *
 * <pre>{@code
 * ImageUNet network = ImageUNet.create(ImageUNetConfig.defaults(64), DataType.FLOAT, seed);
 * TrainerConfig config = TrainerConfig.builder().setSteps(20_000).setSeed(seed).build();
 * TrainingResult result = new DenoiserTrainer(config, NoiseSchedule.linear().withZeroTerminalSnr())
 *         .train(network, data, TrainingListener.printingTo(System.out));
 * }</pre>
 */
public final class DenoiserTrainer {
    private final TrainerConfig config;
    private final NoiseSchedule schedule;
    private final LongSupplier nanoClock;

    /** A trainer timed by {@link System#nanoTime()}. */
    public DenoiserTrainer(TrainerConfig config, NoiseSchedule schedule) {
        this(config, schedule, System::nanoTime);
    }

    /** A trainer whose progress reports are timed by {@code nanoClock}. */
    public DenoiserTrainer(TrainerConfig config, NoiseSchedule schedule, LongSupplier nanoClock) {
        if (config == null || schedule == null || nanoClock == null) {
            throw new IllegalArgumentException("configuration, noise schedule and clock are all required");
        }
        this.config = config;
        this.schedule = schedule;
        this.nanoClock = nanoClock;
    }

    /** The configuration. */
    public TrainerConfig config() {
        return config;
    }

    /**
     * Runs {@link TrainerConfig#steps()} steps, updating {@code network}'s weights in place.
     *
     * @throws IllegalArgumentException if a data pair has the wrong lengths for the network
     * @throws IllegalStateException if the loss becomes NaN or infinite
     */
    public TrainingResult train(ConditionalNetwork network, TrainingData data, TrainingListener listener) {
        if (network == null || data == null || listener == null) {
            throw new IllegalArgumentException("network, data and listener are all required");
        }
        BatchSampler batches = new BatchSampler(data, network, schedule, config.batchSize(),
                config.conditionDropout(), config.seed());
        Adam adam = new Adam(network.parameters(), config.learningRate(), config.beta1(), config.beta2(),
                config.epsilon());
        WeightAverage average = new WeightAverage(network.parameters(), config.emaDecay());
        INDArray gradient = Nd4j.create(batches.targets.dataType(), batches.targets.shape());
        double scale = 2.0 / batches.targets.length();
        long start = nanoClock.getAsLong();
        double lossSum = 0;
        int lossCount = 0;
        double lastLoss = Double.NaN;
        for (int step = 1; step <= config.steps(); step++) {
            batches.next();
            INDArray output = network.forward(batches.noisy, batches.timesteps, batches.conditions, batches.keep,
                    batches.context);
            output.sub(batches.targets, gradient);
            double norm = gradient.norm2Number().doubleValue();
            double loss = norm * norm / gradient.length();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "loss is %s at step %d", loss, step));
            }
            gradient.muli(scale);
            network.backward(gradient);
            double gradientNorm = GradientClipping.clip(network.parameters(), config.gradientClipNorm());
            adam.step();
            average.update();
            lossSum += loss;
            lossCount++;
            if (step % config.progressInterval() == 0 || step == config.steps()) {
                lastLoss = lossSum / lossCount;
                double seconds = Math.max(1e-9, (nanoClock.getAsLong() - start) / 1e9);
                double rate = step / seconds;
                listener.onProgress(new TrainingProgress(step, config.steps(), lastLoss, gradientNorm, rate,
                        (config.steps() - step) / rate));
                lossSum = 0;
                lossCount = 0;
            }
            if (config.checkpointInterval() > 0 && step % config.checkpointInterval() == 0) {
                listener.onCheckpoint(new Checkpoint(step, config.seed(), network.weights(), average.weights()));
            }
        }
        return new TrainingResult(config.seed(), config.steps(), lastLoss, network.weights(), average.weights());
    }
}
