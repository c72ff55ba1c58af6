package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

/**
 * What a denoiser's output means (spec ddim.md A.3, diffusers {@code prediction_type}), and how the
 * sampler recovers the clean-sample estimate x̂₀ and the noise estimate ε̂ from it. In the formulas
 * {@code a = √ᾱ_t} and {@code b = √(1 − ᾱ_t)}; b &gt; 0 for every timestep of a {@link NoiseSchedule}.
 */
public enum PredictionType {
    /**
     * The noise ε: x̂₀ = (x − b·out)/a, ε̂ = out. At ᾱ = 0 (the last timestep of a zero-terminal-SNR
     * schedule) a is read as √{@value NoiseSchedule#TERMINAL_ALPHA_CUMPROD_FLOOR} = 2<sup>−12</sup>, so
     * x̂₀ is finite but amplified 4096-fold: use {@link #V_PREDICTION} or {@link #SAMPLE} with such
     * schedules.
     */
    EPSILON("epsilon") {
        @Override
        double originalSample(double x, double out, double a, double b) {
            return (x - b * out) / (a > 0 ? a : SQRT_TERMINAL_FLOOR);
        }

        @Override
        double epsilon(double x, double out, double a, double b) {
            return out;
        }
    },
    /** The clean sample x₀: x̂₀ = out, ε̂ = (x − a·out)/b. */
    SAMPLE("sample") {
        @Override
        double originalSample(double x, double out, double a, double b) {
            return out;
        }

        @Override
        double epsilon(double x, double out, double a, double b) {
            return (x - a * out) / b;
        }
    },
    /** The velocity v = a·ε − b·x₀: x̂₀ = a·x − b·out, ε̂ = a·out + b·x. */
    V_PREDICTION("v_prediction") {
        @Override
        double originalSample(double x, double out, double a, double b) {
            return a * x - b * out;
        }

        @Override
        double epsilon(double x, double out, double a, double b) {
            return a * out + b * x;
        }
    };

    private static final double SQRT_TERMINAL_FLOOR = Math.sqrt(NoiseSchedule.TERMINAL_ALPHA_CUMPROD_FLOOR);

    private final String diffusersName;

    PredictionType(String diffusersName) {
        this.diffusersName = diffusersName;
    }

    /** x̂₀ for one element with noisy value x and model output out, given a = √ᾱ_t and b = √(1 − ᾱ_t). */
    abstract double originalSample(double x, double out, double a, double b);

    /** ε̂ for one element with noisy value x and model output out, given a = √ᾱ_t and b = √(1 − ᾱ_t). */
    abstract double epsilon(double x, double out, double a, double b);

    /** The name diffusers uses in {@code prediction_type}, e.g. {@code "v_prediction"}. */
    public String diffusersName() {
        return diffusersName;
    }

    /**
     * The prediction type with the given diffusers name.
     *
     * @throws IllegalArgumentException if no type has that name
     */
    public static PredictionType fromDiffusersName(String name) {
        for (PredictionType type : values()) {
            if (type.diffusersName.equals(name)) {
                return type;
            }
        }
        throw invalid("unknown prediction type '%s'; expected epsilon, sample or v_prediction", name);
    }
}
