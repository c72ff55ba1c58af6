package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

import java.util.Locale;

/**
 * The forward-process noise schedule of a diffusion model (spec ddim.md A.1, A.4, A.8): betas
 * β<sub>t</sub>, α<sub>t</sub> = 1 − β<sub>t</sub> and the cumulative products
 * ᾱ<sub>t</sub> = ∏<sub>s≤t</sub> α<sub>s</sub> for the zero-based training timesteps t = 0..T−1, all in
 * float64. The noisy sample at level t is x<sub>t</sub> = √ᾱ<sub>t</sub>·x₀ + √(1−ᾱ<sub>t</sub>)·ε.
 *
 * <p>Invariants: T ≥ 2; every β is in (0, 1], so ᾱ strictly decreases from ᾱ₀ = 1 − β₀ &lt; 1 and is
 * positive everywhere except at t = T−1 of a zero-terminal-SNR schedule, where it is exactly 0.
 *
 * <p>{@link #withZeroTerminalSnr()} applies Lin et al. 2023 ("Common Diffusion Noise Schedules and Sample
 * Steps are Flawed", WACV 2024) as diffusers' {@code rescale_zero_terminal_snr} does: √ᾱ is shifted so
 * its last value is 0, scaled so its first value is unchanged, squared and turned back into betas. The
 * last β becomes exactly 1 and ᾱ<sub>T−1</sub> exactly 0; ε-prediction then reads that 0 as
 * {@value #TERMINAL_ALPHA_CUMPROD_FLOOR} (see {@link PredictionType#EPSILON}).
 *
 * <p>Immutable and thread-safe.
 */
public final class NoiseSchedule {

    /** The default number of training timesteps T. */
    public static final int DEFAULT_TRAIN_TIMESTEPS = 1000;

    /**
     * 2<sup>−24</sup>: the ᾱ that ε-prediction divides by in place of an exact 0, so that x̂₀ stays finite.
     * It is the value diffusers' Euler, DPM-Solver and UniPC schedulers put in {@code alphas_cumprod[-1]}
     * of a zero-terminal-SNR schedule (its DDIM scheduler has no such clamp and divides by zero).
     */
    public static final double TERMINAL_ALPHA_CUMPROD_FLOOR = 0x1p-24;

    private final BetaSchedule kind;
    private final boolean zeroTerminalSnr;
    private final double[] betas;
    private final double[] alphasCumprod;

    private NoiseSchedule(BetaSchedule kind, boolean zeroTerminalSnr, double[] betas) {
        for (int t = 0; t < betas.length; t++) {
            if (!(betas[t] > 0 && betas[t] <= 1)) {
                throw invalid("beta[%d] of the %s schedule is %s; betas must be in (0, 1]", t,
                        kind.diffusersName(), betas[t]);
            }
        }
        this.kind = kind;
        this.zeroTerminalSnr = zeroTerminalSnr;
        this.betas = betas;
        this.alphasCumprod = new double[betas.length];
        double product = 1;
        for (int t = 0; t < betas.length; t++) {
            product *= 1 - betas[t];
            alphasCumprod[t] = product;
        }
    }

    /**
     * A schedule of the given kind.
     *
     * @param trainTimesteps T, the number of training noise levels, {@code >= 2}
     * @param betaStart β₀ for the linear kinds (ignored by the cosine one)
     * @param betaEnd β<sub>T−1</sub> for the linear kinds (ignored by the cosine one)
     * @throws IllegalArgumentException if T &lt; 2 or not 0 &lt; betaStart ≤ betaEnd &lt; 1 for a linear kind
     */
    public static NoiseSchedule of(BetaSchedule kind, int trainTimesteps, double betaStart, double betaEnd) {
        if (kind == null) {
            throw invalid("beta schedule kind is missing");
        }
        if (trainTimesteps < 2) {
            throw invalid("a noise schedule needs at least 2 training timesteps; got %d", trainTimesteps);
        }
        return new NoiseSchedule(kind, false, kind.betas(trainTimesteps, betaStart, betaEnd));
    }

    /** The DDPM/DDIM default: linear β from 1e-4 to 0.02 over T = 1000. */
    public static NoiseSchedule linear() {
        return of(BetaSchedule.LINEAR, DEFAULT_TRAIN_TIMESTEPS, 1e-4, 0.02);
    }

    /** Stable Diffusion's schedule: scaled-linear β from 0.00085 to 0.012 over T = 1000. */
    public static NoiseSchedule scaledLinear() {
        return of(BetaSchedule.SCALED_LINEAR, DEFAULT_TRAIN_TIMESTEPS, 0.00085, 0.012);
    }

    /** The cosine ({@code squaredcos_cap_v2}) schedule over T = 1000. */
    public static NoiseSchedule cosine() {
        return of(BetaSchedule.SQUAREDCOS_CAP_V2, DEFAULT_TRAIN_TIMESTEPS, 0, 0);
    }

    /**
     * This schedule rescaled to zero terminal SNR (ᾱ<sub>T−1</sub> = 0, ᾱ₀ unchanged); returns this
     * schedule if it already is.
     */
    public NoiseSchedule withZeroTerminalSnr() {
        if (zeroTerminalSnr) {
            return this;
        }
        int count = betas.length;
        double first = Math.sqrt(alphasCumprod[0]);
        double last = Math.sqrt(alphasCumprod[count - 1]);
        double scale = first / (first - last);
        double[] rescaledBetas = new double[count];
        double previousAlphaBar = 1;
        for (int t = 0; t < count; t++) {
            double root = (Math.sqrt(alphasCumprod[t]) - last) * scale;
            double alphaBar = root * root;
            rescaledBetas[t] = 1 - alphaBar / previousAlphaBar;
            previousAlphaBar = alphaBar;
        }
        return new NoiseSchedule(kind, true, rescaledBetas);
    }

    /** T, the number of training timesteps; valid timesteps are 0..T−1. */
    public int trainTimesteps() {
        return betas.length;
    }

    /** How the betas were built. */
    public BetaSchedule kind() {
        return kind;
    }

    /** Whether this schedule was rescaled to zero terminal SNR. */
    public boolean zeroTerminalSnr() {
        return zeroTerminalSnr;
    }

    /** β<sub>t</sub> for t in 0..T−1. */
    public double beta(int timestep) {
        return betas[timestep];
    }

    /** α<sub>t</sub> = 1 − β<sub>t</sub> for t in 0..T−1. */
    public double alpha(int timestep) {
        return 1 - betas[timestep];
    }

    /** ᾱ<sub>t</sub>, the signal fraction of the variance at level t in 0..T−1. */
    public double alphaCumprod(int timestep) {
        return alphasCumprod[timestep];
    }

    /** A copy of all T betas. */
    public double[] betas() {
        return betas.clone();
    }

    /** A copy of all T cumulative products ᾱ. */
    public double[] alphasCumprod() {
        return alphasCumprod.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NoiseSchedule[%s, T=%d, beta %.6g..%.6g%s]", kind.diffusersName(),
                betas.length, betas[0], betas[betas.length - 1], zeroTerminalSnr ? ", zero terminal SNR" : "");
    }
}
