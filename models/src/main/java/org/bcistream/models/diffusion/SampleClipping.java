package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

/**
 * What the sampler does to the clean-sample estimate x̂₀ before the DDIM update (spec ddim.md A.7). Use
 * {@link #disabled()} for VAE latents and for mel features not normalised to [−1, 1]; clamping suits data
 * that really lives in [−range, range], such as pixels.
 */
public sealed interface SampleClipping
        permits SampleClipping.Disabled, SampleClipping.Clamp, SampleClipping.DynamicThreshold {

    /**
     * Clips every element of {@code originalSample} in place.
     *
     * @param scratch working space of {@code originalSample.length} values, overwritten; only used (and
     *     then required) if {@link #needsScratch()}
     */
    void apply(double[] originalSample, double[] scratch);

    /** Whether {@link #apply} needs its scratch array. */
    default boolean needsScratch() {
        return false;
    }

    /** x̂₀ is left as it is. */
    static SampleClipping disabled() {
        return Disabled.INSTANCE;
    }

    /** x̂₀ is clamped to [−range, range] (diffusers {@code clip_sample}, {@code clip_sample_range}). */
    static SampleClipping clamp(double range) {
        return new Clamp(range);
    }

    /** Imagen dynamic thresholding (diffusers {@code thresholding}); see {@link DynamicThreshold}. */
    static SampleClipping dynamicThreshold(double ratio, double maxValue) {
        return new DynamicThreshold(ratio, maxValue);
    }

    /** No clipping. */
    enum Disabled implements SampleClipping {
        INSTANCE;

        @Override
        public void apply(double[] originalSample, double[] scratch) {
            // nothing to do
        }
    }

    /**
     * Clamps every element to [−range, range].
     *
     * @param range the bound, finite and {@code > 0}; diffusers' default is 1
     */
    record Clamp(double range) implements SampleClipping {
        public Clamp {
            if (!(range > 0 && Double.isFinite(range))) {
                throw invalid("clip range must be finite and > 0; got %s", range);
            }
        }

        @Override
        public void apply(double[] originalSample, double[] scratch) {
            for (int i = 0; i < originalSample.length; i++) {
                originalSample[i] = Math.max(-range, Math.min(range, originalSample[i]));
            }
        }
    }

    /**
     * Imagen dynamic thresholding (Saharia et al. 2022): s is the {@code ratio} quantile of |x̂₀| over the
     * whole sample (linear interpolation, as numpy and torch compute it), clamped to [1, maxValue]; then
     * x̂₀ is clamped to [−s, s] and divided by s, so the result lies in [−1, 1].
     *
     * @param ratio the quantile, in (0, 1]; diffusers' default is 0.995
     * @param maxValue the largest threshold s, finite and {@code >= 1}; diffusers' default is 1 (which
     *     reduces this to clamping at ±1)
     */
    record DynamicThreshold(double ratio, double maxValue) implements SampleClipping {
        public DynamicThreshold {
            if (!(ratio > 0 && ratio <= 1)) {
                throw invalid("thresholding ratio must be in (0, 1]; got %s", ratio);
            }
            if (!(maxValue >= 1 && Double.isFinite(maxValue))) {
                throw invalid("thresholding max value must be finite and >= 1; got %s", maxValue);
            }
        }

        @Override
        public void apply(double[] originalSample, double[] scratch) {
            int length = originalSample.length;
            for (int i = 0; i < length; i++) {
                scratch[i] = Math.abs(originalSample[i]);
            }
            double threshold = Math.max(1, Math.min(maxValue, Quantile.linear(scratch, length, ratio)));
            for (int i = 0; i < length; i++) {
                originalSample[i] = Math.max(-threshold, Math.min(threshold, originalSample[i])) / threshold;
            }
        }

        @Override
        public boolean needsScratch() {
            return true;
        }
    }
}
