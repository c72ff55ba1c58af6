package org.bcistream.models.diffusion.train;

import java.util.Locale;
import org.bcistream.models.diffusion.NoiseSchedule;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.bcistream.models.random.SplitMix64;
import org.bcistream.models.random.StandardNormal;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws the training batches of v-prediction (spec ddim.md A.1, A.3): for each of B samples, the next pair
 * of a reshuffled-every-epoch order, t uniform in 0..T−1, ε ~ N(0, I), and a condition kept with
 * probability 1 − p; then
 *
 * <pre>
 *   x_t = √ᾱ_t·x₀ + √(1−ᾱ_t)·ε          (the network input)
 *   v   = √ᾱ_t·ε − √(1−ᾱ_t)·x₀          (the target)
 * </pre>
 *
 * Four independent streams split from one seed (order, timesteps, noise, dropout) make every draw a
 * function of the seed. Arrays are allocated once and refilled. Not thread-safe.
 */
final class BatchSampler {
    private final TrainingData data;
    private final NoiseSchedule schedule;
    private final double dropout;
    private final SplitMix64 orderRandom;
    private final SplitMix64 timeRandom;
    private final SplitMix64 noiseRandom;
    private final SplitMix64 dropoutRandom;
    private final int sampleSize;
    private final int conditionSize;
    private final int contextSize;
    private final int[] order;
    private int position;

    final int[] timesteps;
    final boolean[] keep;
    final INDArray noisy;
    final INDArray targets;
    final INDArray conditions;
    final INDArray context;
    private final float[] noisyValues;
    private final float[] targetValues;
    private final float[] conditionValues;
    private final float[] contextValues;

    BatchSampler(TrainingData data, ConditionalNetwork network, NoiseSchedule schedule, int batch, double dropout,
            long seed) {
        if (data == null || data.size() < 1) {
            throw new IllegalArgumentException("training data must hold at least one pair");
        }
        this.data = data;
        this.schedule = schedule;
        this.dropout = dropout;
        SplitMix64 root = SplitMix64.of(seed);
        this.orderRandom = root.split();
        this.timeRandom = root.split();
        this.noiseRandom = root.split();
        this.dropoutRandom = root.split();
        this.sampleSize = network.sampleShape().size();
        this.conditionSize = network.conditionSize();
        this.contextSize = network.contextSize();
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.position = order.length;
        var type = network.parameters().dataType();
        this.timesteps = new int[batch];
        this.keep = new boolean[batch];
        this.noisy = Nd4j.create(type, batch, sampleSize);
        this.targets = Nd4j.create(type, batch, sampleSize);
        this.conditions = Nd4j.create(type, batch, conditionSize);
        this.context = contextSize > 0 ? Nd4j.create(type, batch, contextSize) : null;
        this.noisyValues = new float[batch * sampleSize];
        this.targetValues = new float[batch * sampleSize];
        this.conditionValues = new float[batch * conditionSize];
        this.contextValues = new float[batch * contextSize];
    }

    /** Fills the batch arrays with the next draw. */
    void next() {
        for (int b = 0; b < timesteps.length; b++) {
            int index = nextIndex();
            float[] target = checked(data.target(index), sampleSize, "target", index);
            float[] condition = checked(data.condition(index), conditionSize, "condition", index);
            float[] clean = checked(data.context(index), contextSize, "context", index);
            int t = timeRandom.nextInt(schedule.trainTimesteps());
            double signal = Math.sqrt(schedule.alphaCumprod(t));
            double noise = Math.sqrt(1 - schedule.alphaCumprod(t));
            int offset = b * sampleSize;
            for (int i = 0; i < sampleSize; i++) {
                double epsilon = StandardNormal.sample(noiseRandom);
                noisyValues[offset + i] = (float) (signal * target[i] + noise * epsilon);
                targetValues[offset + i] = (float) (signal * epsilon - noise * target[i]);
            }
            System.arraycopy(condition, 0, conditionValues, b * conditionSize, conditionSize);
            System.arraycopy(clean, 0, contextValues, b * contextSize, contextSize);
            timesteps[b] = t;
            keep[b] = dropoutRandom.nextDouble() >= dropout;
        }
        copy(noisyValues, noisy);
        copy(targetValues, targets);
        copy(conditionValues, conditions);
        if (context != null) {
            copy(contextValues, context);
        }
    }

    private int nextIndex() {
        if (position == order.length) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = orderRandom.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            position = 0;
        }
        return order[position++];
    }

    private static float[] checked(float[] values, int expected, String what, int index) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %d must have %d values; got %s", what,
                    index, expected, values == null ? "none" : String.valueOf(values.length)));
        }
        return values;
    }

    private static void copy(float[] values, INDArray target) {
        INDArray source = Nd4j.createFromArray(values).reshape(target.shape());
        target.assign(source);
    }
}
