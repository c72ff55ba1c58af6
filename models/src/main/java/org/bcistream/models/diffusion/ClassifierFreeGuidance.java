package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

/**
 * Classifier-free guidance (Ho and Salimans 2022; spec ddim.md A.9) with optional guidance rescale (Lin
 * et al. 2023, §3.4), applied to the raw model outputs of whatever {@link PredictionType}:
 *
 * <pre>
 *   out_cfg = out_u + scale·(out_c − out_u)
 *   out     = out_cfg·(1 − rescale + rescale·std(out_c)/std(out_cfg))
 * </pre>
 *
 * where out_c and out_u are the conditional and unconditional outputs and std is taken over the whole
 * sample (batch 1; the n vs n−1 normalisation cancels in the ratio). Ho and Salimans' (1 + w)·out_c −
 * w·out_u is scale = 1 + w. As in diffusers, guidance is active only for scale &gt; 1, and then costs
 * a second denoiser call per step; scale = 1 means conditional output only. Where std(out_cfg) = 0
 * (a constant output) the rescale factor is taken as 1 rather than dividing by zero.
 *
 * @param scale the guidance scale s, finite and {@code >= 1}
 * @param rescale the guidance-rescale weight φ in [0, 1]; 0 disables it, 0.7 is the recommended value
 */
public record ClassifierFreeGuidance(double scale, double rescale) {

    private static final ClassifierFreeGuidance NONE = new ClassifierFreeGuidance(1, 0);

    public ClassifierFreeGuidance {
        if (!(scale >= 1 && Double.isFinite(scale))) {
            throw invalid("guidance scale must be finite and >= 1; got %s", scale);
        }
        if (!(rescale >= 0 && rescale <= 1)) {
            throw invalid("guidance rescale must be in [0, 1]; got %s", rescale);
        }
    }

    /** No guidance: the conditional output is used as it is. */
    public static ClassifierFreeGuidance none() {
        return NONE;
    }

    /** Whether guidance changes anything, i.e. the sampler must also call the unconditional denoiser. */
    public boolean isActive() {
        return scale > 1;
    }

    /**
     * Replaces the conditional output with the guided one. Does nothing when not {@link #isActive()}.
     *
     * @param conditionalInOut out_c on entry, the guided output on return
     * @param unconditional out_u, the same length; not modified
     * @throws IllegalArgumentException if the lengths differ
     */
    public void apply(float[] conditionalInOut, float[] unconditional) {
        Checks.length(unconditional, conditionalInOut.length, "unconditional output");
        if (!isActive()) {
            return;
        }
        double conditionalDeviation = rescale > 0 ? standardDeviation(conditionalInOut) : 0;
        for (int i = 0; i < conditionalInOut.length; i++) {
            double u = unconditional[i];
            conditionalInOut[i] = (float) (u + scale * (conditionalInOut[i] - u));
        }
        if (rescale > 0) {
            double guidedDeviation = standardDeviation(conditionalInOut);
            if (guidedDeviation > 0) {
                double factor = 1 - rescale + rescale * conditionalDeviation / guidedDeviation;
                for (int i = 0; i < conditionalInOut.length; i++) {
                    conditionalInOut[i] = (float) (conditionalInOut[i] * factor);
                }
            }
        }
    }

    /** Population standard deviation, two-pass, in float64. */
    private static double standardDeviation(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float value : values) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / values.length);
    }
}
