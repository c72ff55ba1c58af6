package org.bcistream.models.diffusion.train;

import org.bcistream.models.random.SplitMix64;

/** A few fixed pairs: one-hot conditions and random targets in [−1, 1] (and contexts, if asked for). */
final class ToyData implements TrainingData {
    private final float[][] conditions;
    private final float[][] targets;
    private final float[][] contexts;

    ToyData(int pairs, int conditionSize, int sampleSize, int contextSize, long seed) {
        SplitMix64 rng = SplitMix64.of(seed);
        conditions = new float[pairs][conditionSize];
        targets = new float[pairs][sampleSize];
        contexts = new float[pairs][contextSize];
        for (int i = 0; i < pairs; i++) {
            conditions[i][i % conditionSize] = 1;
            for (int j = 0; j < sampleSize; j++) {
                targets[i][j] = (float) (2 * rng.nextDouble() - 1);
            }
            for (int j = 0; j < contextSize; j++) {
                contexts[i][j] = (float) (2 * rng.nextDouble() - 1);
            }
        }
    }

    @Override
    public int size() {
        return targets.length;
    }

    @Override
    public float[] condition(int index) {
        return conditions[index];
    }

    @Override
    public float[] target(int index) {
        return targets[index];
    }

    @Override
    public float[] context(int index) {
        return contexts[index];
    }
}
