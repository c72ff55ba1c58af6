package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

/**
 * Everything that fixes a DDIM sampler's arithmetic except the step count (spec ddim.md A.2-A.9), with
 * diffusers' {@code DDIMScheduler} names in brackets. Build with {@link #builder()}:
 *
 * <pre>{@code
 * DdimConfig config = DdimConfig.builder()
 *         .setSchedule(NoiseSchedule.linear().withZeroTerminalSnr())
 *         .setPredictionType(PredictionType.V_PREDICTION)
 *         .optGuidance(new ClassifierFreeGuidance(3, 0.7))
 *         .build();
 * }</pre>
 *
 * @param schedule the training noise schedule (beta_schedule, rescale_betas_zero_snr)
 * @param predictionType what the denoiser outputs (prediction_type); must match its training
 * @param spacing how the step count picks timesteps (timestep_spacing)
 * @param stepsOffset added to {@link TimestepSpacing#LEADING} timesteps (steps_offset), in [0, T)
 * @param setAlphaToOne whether the step after the last timestep lands on ᾱ = 1 (true) or on ᾱ₀
 *     (set_alpha_to_one; see {@link #finalAlphaCumprod()})
 * @param eta η in [0, 1]: 0 is deterministic DDIM, 1 a DDPM-like ancestral step
 * @param clipping what is done to x̂₀ before the update (clip_sample, clip_sample_range, thresholding)
 * @param useClippedModelOutput whether ε̂ is re-derived from the clipped x̂₀ (use_clipped_model_output)
 * @param guidance classifier-free guidance, {@link ClassifierFreeGuidance#none()} for none
 */
public record DdimConfig(
        NoiseSchedule schedule,
        PredictionType predictionType,
        TimestepSpacing spacing,
        int stepsOffset,
        boolean setAlphaToOne,
        double eta,
        SampleClipping clipping,
        boolean useClippedModelOutput,
        ClassifierFreeGuidance guidance) {

    public DdimConfig {
        if (schedule == null) {
            throw invalid("noise schedule is missing");
        }
        if (predictionType == null) {
            throw invalid("prediction type is missing");
        }
        if (spacing == null) {
            throw invalid("timestep spacing is missing");
        }
        if (stepsOffset < 0 || stepsOffset >= schedule.trainTimesteps()) {
            throw invalid("steps_offset must be in [0, %d); got %d", schedule.trainTimesteps(), stepsOffset);
        }
        if (!(eta >= 0 && eta <= 1)) {
            throw invalid("eta must be in [0, 1]; got %s", eta);
        }
        if (clipping == null) {
            throw invalid("sample clipping is missing; use SampleClipping.disabled()");
        }
        if (guidance == null) {
            throw invalid("guidance is missing; use ClassifierFreeGuidance.none()");
        }
    }

    /** ᾱ used for the step after the last timestep: 1 if {@link #setAlphaToOne()}, otherwise ᾱ₀. */
    public double finalAlphaCumprod() {
        return setAlphaToOne ? 1 : schedule.alphaCumprod(0);
    }

    /**
     * A builder. Schedule and prediction type are required. The optional values default to what suits
     * few-step sampling of latents and mel features, which is not diffusers' default in two places:
     * spacing {@link TimestepSpacing#TRAILING} (diffusers: leading) and clipping
     * {@link SampleClipping#disabled()} (diffusers: clamp to ±1). The others match diffusers: steps_offset 0,
     * set_alpha_to_one true, η 0, use_clipped_model_output false, no guidance.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a {@link DdimConfig}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private NoiseSchedule schedule;
        private PredictionType predictionType;
        private TimestepSpacing spacing = TimestepSpacing.TRAILING;
        private int stepsOffset;
        private boolean setAlphaToOne = true;
        private double eta;
        private SampleClipping clipping = SampleClipping.disabled();
        private boolean useClippedModelOutput;
        private ClassifierFreeGuidance guidance = ClassifierFreeGuidance.none();

        private Builder() {}

        /** Required: the training noise schedule. */
        public Builder setSchedule(NoiseSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Required: what the denoiser outputs. */
        public Builder setPredictionType(PredictionType predictionType) {
            this.predictionType = predictionType;
            return this;
        }

        /** Default {@link TimestepSpacing#TRAILING}. */
        public Builder optSpacing(TimestepSpacing spacing) {
            this.spacing = spacing;
            return this;
        }

        /** Default 0; Stable Diffusion uses 1 with leading spacing. */
        public Builder optStepsOffset(int stepsOffset) {
            this.stepsOffset = stepsOffset;
            return this;
        }

        /** Default true. */
        public Builder optSetAlphaToOne(boolean setAlphaToOne) {
            this.setAlphaToOne = setAlphaToOne;
            return this;
        }

        /** Default 0 (deterministic). */
        public Builder optEta(double eta) {
            this.eta = eta;
            return this;
        }

        /** Default {@link SampleClipping#disabled()}. */
        public Builder optClipping(SampleClipping clipping) {
            this.clipping = clipping;
            return this;
        }

        /** Default false. */
        public Builder optUseClippedModelOutput(boolean useClippedModelOutput) {
            this.useClippedModelOutput = useClippedModelOutput;
            return this;
        }

        /** Default {@link ClassifierFreeGuidance#none()}. */
        public Builder optGuidance(ClassifierFreeGuidance guidance) {
            this.guidance = guidance;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException if a required value is missing or a value is out of range
         */
        public DdimConfig build() {
            return new DdimConfig(schedule, predictionType, spacing, stepsOffset, setAlphaToOne, eta, clipping,
                    useClippedModelOutput, guidance);
        }
    }
}
