package org.bcistream.models.diffusion.train;

import java.util.Locale;

/**
 * Settings of a {@link DenoiserTrainer} run. Build with
 *
 * <pre>{@code
 * TrainerConfig config = TrainerConfig.builder().setSteps(20_000).setSeed(42L)
 *         .optBatchSize(16).optLearningRate(2e-4).optEmaDecay(0.999).build();
 * }</pre>
 *
 * @param steps optimiser steps, {@code >= 1}
 * @param seed the seed of every random draw of the run (data order, timesteps, noise, condition dropout)
 * @param batchSize samples per step, {@code >= 1}
 * @param learningRate Adam's step size, {@code > 0}
 * @param beta1 Adam's first-moment decay, in [0, 1)
 * @param beta2 Adam's second-moment decay, in [0, 1)
 * @param epsilon Adam's denominator offset, {@code > 0}
 * @param emaDecay the largest decay of the weight EMA, in [0, 1) (see {@link DenoiserTrainer})
 * @param gradientClipNorm the largest global L2 norm of the gradient; larger gradients are scaled down to it;
 *     {@code Double.POSITIVE_INFINITY} disables clipping
 * @param conditionDropout the probability that a sample's condition is replaced by the null condition, in
 *     [0, 1)
 * @param progressInterval steps between progress reports, {@code >= 1}
 * @param checkpointInterval steps between checkpoints; 0 for none
 */
public record TrainerConfig(int steps, long seed, int batchSize, double learningRate, double beta1, double beta2,
        double epsilon, double emaDecay, double gradientClipNorm, double conditionDropout, int progressInterval,
        int checkpointInterval) {

    public TrainerConfig {
        require(steps >= 1, "steps must be >= 1; got %d", steps);
        require(batchSize >= 1, "batch size must be >= 1; got %d", batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be > 0; got %s", learningRate);
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "Adam betas must be in [0, 1); got %s, %s",
                beta1, beta2);
        require(epsilon > 0, "Adam epsilon must be > 0; got %s", epsilon);
        require(emaDecay >= 0 && emaDecay < 1, "EMA decay must be in [0, 1); got %s", emaDecay);
        require(gradientClipNorm > 0, "gradient clip norm must be > 0; got %s", gradientClipNorm);
        require(conditionDropout >= 0 && conditionDropout < 1, "condition dropout must be in [0, 1); got %s",
                conditionDropout);
        require(progressInterval >= 1, "progress interval must be >= 1; got %d", progressInterval);
        require(checkpointInterval >= 0, "checkpoint interval must be >= 0; got %d", checkpointInterval);
    }

    /** A builder with the defaults: batch 16, lr 2e-4, betas 0.9/0.999, ε 1e-8, EMA 0.999, clip 1, dropout 0.1. */
    public static Builder builder() {
        return new Builder();
    }

    private static void require(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    /** Builds a {@link TrainerConfig}; steps and seed are required, everything else has a default. */
    public static final class Builder {
        private Integer steps;
        private Long seed;
        private int batchSize = 16;
        private double learningRate = 2e-4;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double emaDecay = 0.999;
        private double gradientClipNorm = 1.0;
        private double conditionDropout = 0.1;
        private int progressInterval = 100;
        private int checkpointInterval;

        private Builder() {}

        public Builder setSteps(int value) {
            steps = value;
            return this;
        }

        public Builder setSeed(long value) {
            seed = value;
            return this;
        }

        public Builder optBatchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder optLearningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder optBetas(double first, double second) {
            beta1 = first;
            beta2 = second;
            return this;
        }

        public Builder optEpsilon(double value) {
            epsilon = value;
            return this;
        }

        public Builder optEmaDecay(double value) {
            emaDecay = value;
            return this;
        }

        public Builder optGradientClipNorm(double value) {
            gradientClipNorm = value;
            return this;
        }

        public Builder optConditionDropout(double value) {
            conditionDropout = value;
            return this;
        }

        public Builder optProgressInterval(int value) {
            progressInterval = value;
            return this;
        }

        public Builder optCheckpointInterval(int value) {
            checkpointInterval = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException if steps or seed is unset or a value is out of range
         */
        public TrainerConfig build() {
            require(steps != null && seed != null, "steps and seed are required");
            return new TrainerConfig(steps, seed, batchSize, learningRate, beta1, beta2, epsilon, emaDecay,
                    gradientClipNorm, conditionDropout, progressInterval, checkpointInterval);
        }
    }
}
