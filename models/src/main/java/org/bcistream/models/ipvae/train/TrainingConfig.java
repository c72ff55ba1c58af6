package org.bcistream.models.ipvae.train;

import static org.bcistream.models.ipvae.train.Validation.check;

import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.KlForm;

/**
 * How {@link IpvaeTrainer} trains an iP-VAE (spec ipvae.md §4). The defaults are those of the released vH16
 * iP-VAE (§4.2, checkpoint configs), except the KL form: the exact Poisson KL by default, the reference
 * code's form ({@link KlForm#REFERENCE_CODE}) on request.
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.builder()
 *         .setLatents(64)
 *         .optBeta(16).optEpochs(40).optBatchSize(100).optSeed(7)
 *         .build();
 * }</pre>
 *
 * @param latents K, the number of latents, {@code >= 1}; required
 * @param beta the final KL weight β, {@code >= 0}; default 24
 * @param unrolledSteps T_train, the inference steps unrolled per sample, {@code >= 1}; default 16
 * @param epochs passes over the (shuffled) frames, {@code >= 1}; default 300. Each pass has
 *     floor(N / batchSize) iterations (the last partial batch is dropped, as in the reference)
 * @param batchSize frames per optimiser step, {@code >= 1}; default 200
 * @param learningRate peak Adamax learning rate, {@code > 0}; default 0.005
 * @param minLearningRate the floor of the cosine decay, in [0, learningRate]; default 1e-5
 * @param warmupPortion fraction of iterations with the linear learning-rate warm-up, in [0, 1); default 0.005
 * @param weightDecay L2 weight decay added to the gradient of every parameter, {@code >= 0}; default 3e-4
 * @param gradientClip the global gradient-norm clip after the warm-up (3× during it), {@code > 0}; default 300
 * @param seed the seed of every random draw (initialisation, shuffling, relaxed samples, monitoring)
 * @param klForm the KL in the loss; default {@link KlForm#EXACT}
 * @param temperature the relaxed-sample temperature schedule; default {@link TemperatureSchedule#REFERENCE}
 * @param betaWarmup the β warm-up, which also widens the clamps; default {@link BetaWarmup#REFERENCE}
 * @param clampU final smooth-ceiling width of the state u, {@code > 2}; default 10
 * @param clampDeltaU final smooth-ceiling width of the step Δ, {@code > 2}; default 10
 * @param progressInterval iterations between progress reports, {@code >= 1}; default 100
 * @param monitorFrames frames (evenly spaced over the data) on which each report measures R² and the zero
 *     fraction with exact Poisson spikes, {@code >= 1}; default 256
 */
public record TrainingConfig(
        int latents,
        double beta,
        int unrolledSteps,
        int epochs,
        int batchSize,
        double learningRate,
        double minLearningRate,
        double warmupPortion,
        double weightDecay,
        double gradientClip,
        long seed,
        KlForm klForm,
        TemperatureSchedule temperature,
        BetaWarmup betaWarmup,
        double clampU,
        double clampDeltaU,
        int progressInterval,
        int monitorFrames) {

    public TrainingConfig {
        check(latents >= 1, "latents K must be >= 1; got %d", latents);
        check(Double.isFinite(beta) && beta >= 0, "beta must be finite and >= 0; got %s", beta);
        check(unrolledSteps >= 1, "unrolled steps T_train must be >= 1; got %d", unrolledSteps);
        check(epochs >= 1, "epochs must be >= 1; got %d", epochs);
        check(batchSize >= 1, "batch size must be >= 1; got %d", batchSize);
        check(Double.isFinite(learningRate) && learningRate > 0, "learning rate must be finite and > 0; got %s",
                learningRate);
        check(minLearningRate >= 0 && minLearningRate <= learningRate,
                "minimum learning rate must be in [0, %s]; got %s", learningRate, minLearningRate);
        check(warmupPortion >= 0 && warmupPortion < 1, "warm-up portion must be in [0, 1); got %s", warmupPortion);
        check(Double.isFinite(weightDecay) && weightDecay >= 0, "weight decay must be finite and >= 0; got %s",
                weightDecay);
        check(Double.isFinite(gradientClip) && gradientClip > 0, "gradient clip must be finite and > 0; got %s",
                gradientClip);
        check(klForm != null, "KL form is missing");
        check(temperature != null, "temperature schedule is missing");
        check(betaWarmup != null, "beta warm-up is missing");
        check(Double.isFinite(clampU) && clampU > Schedules.INITIAL_CLAMP,
                "state clamp width must be finite and > %s; got %s", Schedules.INITIAL_CLAMP, clampU);
        check(Double.isFinite(clampDeltaU) && clampDeltaU > Schedules.INITIAL_CLAMP,
                "step clamp width must be finite and > %s; got %s", Schedules.INITIAL_CLAMP, clampDeltaU);
        check(progressInterval >= 1, "progress interval must be >= 1; got %d", progressInterval);
        check(monitorFrames >= 1, "monitor frames must be >= 1; got %d", monitorFrames);
    }

    /** A builder with the reference defaults; {@link Builder#setLatents} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The inference settings the trained model is meant to run with: one update per frame, the final clamp
     * widths, this β and KL form (which only affect the reported free energy).
     */
    public IpvaeConfig inferenceConfig() {
        return new IpvaeConfig(IpvaeConfig.DEFAULT_INNER_STEPS, IpvaeConfig.DEFAULT_BETA_INNER, clampU, clampDeltaU,
                beta, klForm);
    }

    /** Collects the settings and validates them all in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private int latents;
        private double beta = 24;
        private int unrolledSteps = 16;
        private int epochs = 300;
        private int batchSize = 200;
        private double learningRate = 0.005;
        private double minLearningRate = 1e-5;
        private double warmupPortion = 0.005;
        private double weightDecay = 3e-4;
        private double gradientClip = 300;
        private long seed;
        private KlForm klForm = KlForm.EXACT;
        private TemperatureSchedule temperature = TemperatureSchedule.REFERENCE;
        private BetaWarmup betaWarmup = BetaWarmup.REFERENCE;
        private double clampU = IpvaeConfig.DEFAULT_CLAMP;
        private double clampDeltaU = IpvaeConfig.DEFAULT_CLAMP;
        private int progressInterval = 100;
        private int monitorFrames = 256;

        private Builder() {}

        private Builder(TrainingConfig c) {
            latents = c.latents;
            beta = c.beta;
            unrolledSteps = c.unrolledSteps;
            epochs = c.epochs;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            minLearningRate = c.minLearningRate;
            warmupPortion = c.warmupPortion;
            weightDecay = c.weightDecay;
            gradientClip = c.gradientClip;
            seed = c.seed;
            klForm = c.klForm;
            temperature = c.temperature;
            betaWarmup = c.betaWarmup;
            clampU = c.clampU;
            clampDeltaU = c.clampDeltaU;
            progressInterval = c.progressInterval;
            monitorFrames = c.monitorFrames;
        }

        public Builder setLatents(int latents) {
            this.latents = latents;
            return this;
        }

        public Builder optBeta(double beta) {
            this.beta = beta;
            return this;
        }

        public Builder optUnrolledSteps(int unrolledSteps) {
            this.unrolledSteps = unrolledSteps;
            return this;
        }

        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The peak learning rate and the floor of its cosine decay. */
        public Builder optLearningRate(double learningRate, double minLearningRate) {
            this.learningRate = learningRate;
            this.minLearningRate = minLearningRate;
            return this;
        }

        public Builder optWarmupPortion(double warmupPortion) {
            this.warmupPortion = warmupPortion;
            return this;
        }

        public Builder optWeightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder optGradientClip(double gradientClip) {
            this.gradientClip = gradientClip;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optKlForm(KlForm klForm) {
            this.klForm = klForm;
            return this;
        }

        public Builder optTemperature(TemperatureSchedule temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder optBetaWarmup(BetaWarmup betaWarmup) {
            this.betaWarmup = betaWarmup;
            return this;
        }

        /** The final smooth-ceiling widths of the state and of the step. */
        public Builder optClamps(double clampU, double clampDeltaU) {
            this.clampU = clampU;
            this.clampDeltaU = clampDeltaU;
            return this;
        }

        /** Report every {@code interval} iterations, measuring on {@code monitorFrames} frames. */
        public Builder optProgress(int interval, int monitorFrames) {
            this.progressInterval = interval;
            this.monitorFrames = monitorFrames;
            return this;
        }

        /**
         * @throws org.bcistream.models.ipvae.InvalidIpvaeException naming the first invalid setting
         */
        public TrainingConfig build() {
            return new TrainingConfig(latents, beta, unrolledSteps, epochs, batchSize, learningRate, minLearningRate,
                    warmupPortion, weightDecay, gradientClip, seed, klForm, temperature, betaWarmup, clampU,
                    clampDeltaU, progressInterval, monitorFrames);
        }
    }
}
