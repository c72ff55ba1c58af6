package org.bcistream.models.ipvae.train;

import java.util.Arrays;
import org.bcistream.models.ipvae.KlForm;
import org.bcistream.models.ipvae.LinearDecoder;

/**
 * The training loss of the iP-VAE over a batch and its exact gradient by hand-derived backpropagation
 * through the T unrolled inference steps (spec ipvae.md §2.2, §4.1). For each frame x, starting from
 * u<sup>0</sup> = u_init, step t = 0…T−1 is
 *
 * <pre>
 * z  = relaxed sample of u^t                      (drives the update)
 * r  = x − Φz,   g = Φᵀ(r ⊘ σ²)
 * d  = η(g − b),   v = u^t + P_cΔ(d),   u^{t+1} = P_cu(v)
 * y  = fresh relaxed sample of u^{t+1}            (the reported sample)
 * L_t = Σ_m [(x − Φy)_m² / (2σ_m²) + ln σ_m + ½ ln 2π] + β Σ_k KL(u^{t+1}_k ‖ u^t_k)
 * </pre>
 *
 * with P<sub>c</sub> the {@link PoissonClamp}, η = e<sup>log_lr</sup>, b = e<sup>log_bias</sup>,
 * σ = exp(3.45 tanh(s/3.45)). The loss is (256/M)·mean<sub>batch</sub> mean<sub>t</sub> L<sub>t</sub>, the
 * reference's scaling. The prior u<sup>t</sup> is not detached, and the gradient reaches Φ (in the
 * dynamics and the decoder), log σ, log_bias, log_lr and u_init through the relaxed samples' pathwise
 * derivatives. One inference update per step (the reference's {@code n_iters_inner = 1}).
 *
 * <p>Noise: sample (batch slot s, step t, draw d, latent k) reads the {@link ArrivalNoise} stream
 * child(child(child(iterationKey, s), 2t + d), k), so the loss is a deterministic, smooth function of θ
 * for a given key. The per-frame tapes (states, rates, samples and their slopes, clamp slopes, residuals)
 * are preallocated; a call allocates nothing. Products with Φ that take a sample skip its exact zeros (a
 * relaxed count is exactly 0 when even its first arrival is negligible, as for most quiet latents). Not
 * thread-safe.
 */
final class UnrolledObjective {
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** The reference scales the loss by 256/M ({@code main/train.py} {@code _fun}). */
    private static final double LOSS_SCALE_FEATURES = 256;

    private final ParameterLayout layout;
    private final int features;
    private final int latents;
    private final int steps;
    private final KlForm klForm;
    private final double[][] frames;
    private final RelaxedPoisson relaxed;

    private final double[] phiTransposed;
    private final double[] inverseVariance;
    private final double[] logSigmaSlope;
    private final double[] bias;

    private final double[] u;
    private final double[] rate;
    private final double[] driveSpikes;
    private final double[] driveSlope;
    private final double[] step;
    private final double[] stepSlope;
    private final double[] stateSlope;
    private final double[] outSpikes;
    private final double[] outSlope;
    private final double[] residual;
    private final double[] error;

    private final double[] gradU;
    private final double[] gradNext;
    private final double[] latentScratch;
    private final double[] stepGrad;
    private final double[] spikeGrad;
    private final double[] decoderGrad;
    private final double[] errorGrad;
    private final double[] maxLogRate;

    /**
     * @param layout M, K and where the parameters are in θ
     * @param steps T_train
     * @param klForm the KL in the loss
     * @param frames the training frames, each of M values (not copied)
     * @param noise the unit exponentials of the relaxed samples
     */
    UnrolledObjective(ParameterLayout layout, int steps, KlForm klForm, double[][] frames, UnitExponentials noise) {
        this.layout = layout;
        this.features = layout.features();
        this.latents = layout.latents();
        this.steps = steps;
        this.klForm = klForm;
        this.frames = frames;
        this.relaxed = new RelaxedPoisson(noise);
        int stepLatents = steps * latents;
        phiTransposed = new double[features * latents];
        inverseVariance = new double[features];
        logSigmaSlope = new double[features];
        bias = new double[latents];
        u = new double[stepLatents + latents];
        rate = new double[stepLatents + latents];
        driveSpikes = new double[stepLatents];
        driveSlope = new double[stepLatents];
        step = new double[stepLatents];
        stepSlope = new double[stepLatents];
        stateSlope = new double[stepLatents];
        outSpikes = new double[stepLatents];
        outSlope = new double[stepLatents];
        residual = new double[steps * features];
        error = new double[steps * features];
        gradU = new double[latents];
        gradNext = new double[latents];
        latentScratch = new double[latents];
        stepGrad = new double[latents];
        spikeGrad = new double[latents];
        decoderGrad = new double[features];
        errorGrad = new double[features];
        maxLogRate = new double[steps];
    }

    /**
     * Adds the gradient of the batch loss to {@code grad} and returns the loss.
     *
     * @param theta the parameters
     * @param rows indices of the batch's frames: {@code rows[from .. from + count)}
     * @param settings β, clamp widths and temperature of this iteration
     * @param truncation the relaxed samples' truncation n per step t, T values
     * @param iterationKey the noise key of this iteration
     * @param grad accumulates ∂loss/∂θ, same layout as θ
     */
    double accumulate(double[] theta, int[] rows, int from, int count, IterationSettings settings, int[] truncation,
            long iterationKey, double[] grad) {
        double logNormaliser = prepare(theta);
        Arrays.fill(maxLogRate, Double.NEGATIVE_INFINITY);
        double weight = LOSS_SCALE_FEATURES / features / ((double) count * steps);
        double loss = 0;
        for (int slot = 0; slot < count; slot++) {
            double[] x = frames[rows[from + slot]];
            long itemKey = ArrivalNoise.child(iterationKey, slot);
            loss += forward(theta, x, itemKey, settings, truncation, logNormaliser);
            backward(theta, settings, weight, grad);
        }
        return weight * loss;
    }

    /** The largest rate e<sup>u</sup> + 2<sup>-23</sup> after step t over the last batch (for the truncation). */
    double batchMaxRate(int t) {
        return Math.exp(maxLogRate[t]) + RelaxedPoisson.RATE_EPSILON;
    }

    /** Derives Φᵀ, 1/σ², d(ln σ)/ds and b from θ; returns Σ_m (ln σ_m + ½ ln 2π). */
    private double prepare(double[] theta) {
        for (int m = 0; m < features; m++) {
            for (int k = 0; k < latents; k++) {
                phiTransposed[k * features + m] = theta[m * latents + k];
            }
        }
        double logNormaliser = 0;
        int logSigma = layout.logSigma();
        for (int m = 0; m < features; m++) {
            double tanh = Math.tanh(theta[logSigma + m] / LinearDecoder.LOG_SIGMA_BOUND);
            double clamped = LinearDecoder.LOG_SIGMA_BOUND * tanh;
            inverseVariance[m] = Math.exp(-2 * clamped);
            logSigmaSlope[m] = 1 - tanh * tanh;
            logNormaliser += clamped + HALF_LOG_TWO_PI;
        }
        for (int k = 0; k < latents; k++) {
            bias[k] = Math.exp(theta[layout.logBias() + k]);
        }
        return logNormaliser;
    }

    /** Runs the T steps for one frame, filling the tapes; returns Σ_t L_t (unscaled). */
    private double forward(double[] theta, double[] x, long itemKey, IterationSettings s, int[] truncation,
            double logNormaliser) {
        double eta = Math.exp(theta[layout.logLr()]);
        double temperature = s.temperature();
        System.arraycopy(theta, layout.uInit(), u, 0, latents);
        for (int k = 0; k < latents; k++) {
            rate[k] = Math.exp(u[k]);
        }
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            int prev = t * latents;
            int next = prev + latents;
            int rowsAt = t * features;
            long driveKey = ArrivalNoise.child(itemKey, 2L * t);
            long outKey = ArrivalNoise.child(itemKey, 2L * t + 1);
            for (int k = 0; k < latents; k++) {
                driveSpikes[prev + k] = relaxed.sample(rate[prev + k], temperature, truncation[t],
                        ArrivalNoise.child(driveKey, k), driveSlope, prev + k);
            }
            residualInto(x, driveSpikes, prev, residual, rowsAt);
            double[] drive = latentScratch;
            Arrays.fill(drive, 0);
            for (int m = 0; m < features; m++) {
                double e = residual[rowsAt + m] * inverseVariance[m];
                int row = m * latents;
                for (int k = 0; k < latents; k++) {
                    drive[k] += theta[row + k] * e;
                }
            }
            double maxU = maxLogRate[t];
            for (int k = 0; k < latents; k++) {
                double d = eta * (drive[k] - bias[k]);
                step[prev + k] = d;
                double moved = u[prev + k] + PoissonClamp.apply(d, s.clampDeltaU(), stepSlope, prev + k);
                double updated = PoissonClamp.apply(moved, s.clampU(), stateSlope, prev + k);
                u[next + k] = updated;
                rate[next + k] = Math.exp(updated);
                maxU = Math.max(maxU, updated);
            }
            maxLogRate[t] = maxU;
            for (int k = 0; k < latents; k++) {
                outSpikes[prev + k] = relaxed.sample(rate[next + k], temperature, truncation[t],
                        ArrivalNoise.child(outKey, k), outSlope, prev + k);
            }
            residualInto(x, outSpikes, prev, error, rowsAt);
            double weightedSquares = 0;
            for (int m = 0; m < features; m++) {
                double q = error[rowsAt + m];
                weightedSquares += q * q * inverseVariance[m];
            }
            double kl = 0;
            for (int k = 0; k < latents; k++) {
                kl += PoissonKl.value(klForm, rate[next + k], rate[prev + k], u[next + k] - u[prev + k]);
            }
            loss += weightedSquares / 2 + logNormaliser + s.beta() * kl;
        }
        return loss;
    }

    /** out[at + m] = x_m − Σ_k Φ[m][k] z[zAt + k], column by column, skipping z = 0. */
    private void residualInto(double[] x, double[] z, int zAt, double[] out, int at) {
        System.arraycopy(x, 0, out, at, features);
        for (int k = 0; k < latents; k++) {
            double count = z[zAt + k];
            if (count != 0) {
                int column = k * features;
                for (int m = 0; m < features; m++) {
                    out[at + m] -= phiTransposed[column + m] * count;
                }
            }
        }
    }

    /** Backpropagates {@code weight}·Σ_t L_t of the taped frame into {@code grad}. */
    private void backward(double[] theta, IterationSettings s, double weight, double[] grad) {
        int logSigma = layout.logSigma();
        int logBias = layout.logBias();
        double eta = Math.exp(theta[layout.logLr()]);
        double klWeight = weight * s.beta();
        double[] outGrad = latentScratch;
        Arrays.fill(gradU, 0);
        double logLrGrad = 0;
        for (int t = steps - 1; t >= 0; t--) {
            int prev = t * latents;
            int next = prev + latents;
            int rowsAt = t * features;
            // The reconstruction term: ∂/∂x̂ = −weight·q/σ², into σ, Φ (below) and the reported sample.
            Arrays.fill(outGrad, 0);
            for (int m = 0; m < features; m++) {
                double q = error[rowsAt + m];
                double w = inverseVariance[m];
                double a = -weight * q * w;
                decoderGrad[m] = a;
                grad[logSigma + m] += weight * logSigmaSlope[m] * (1 - q * q * w);
                int row = m * latents;
                for (int k = 0; k < latents; k++) {
                    outGrad[k] += theta[row + k] * a;
                }
            }
            // Through the state clamp, the step clamp and d = η(g − b); the KL reaches u^{t+1} and u^t.
            Arrays.fill(errorGrad, 0);
            for (int k = 0; k < latents; k++) {
                double r = rate[next + k];
                double priorRate = rate[prev + k];
                double delta = u[next + k] - u[prev + k];
                double gu = gradU[k] + outGrad[k] * outSlope[prev + k]
                        + klWeight * PoissonKl.wrtPosterior(klForm, r, priorRate, delta);
                double gv = gu * stateSlope[prev + k];
                double d = step[prev + k];
                double gd = gv * stepSlope[prev + k];
                logLrGrad += gd * d;
                grad[logBias + k] -= gd * eta * bias[k];
                double h = eta * gd;
                stepGrad[k] = h;
                gradNext[k] = gv + klWeight * PoissonKl.wrtPrior(klForm, r, priorRate, delta);
                spikeGrad[k] = 0;
                if (h != 0) {
                    int column = k * features;
                    for (int m = 0; m < features; m++) {
                        errorGrad[m] += phiTransposed[column + m] * h;
                    }
                }
            }
            // Through g = Φᵀ(r ⊘ σ²) and r = x − Φz: into Φ, σ and the driving sample.
            for (int m = 0; m < features; m++) {
                double w = inverseVariance[m];
                double r = residual[rowsAt + m];
                double e = r * w;
                double residualGrad = errorGrad[m] * w;
                grad[logSigma + m] -= 2 * errorGrad[m] * r * w * logSigmaSlope[m];
                double a = decoderGrad[m];
                int row = m * latents;
                for (int k = 0; k < latents; k++) {
                    grad[row + k] += a * outSpikes[prev + k] + e * stepGrad[k] - residualGrad * driveSpikes[prev + k];
                    spikeGrad[k] -= theta[row + k] * residualGrad;
                }
            }
            for (int k = 0; k < latents; k++) {
                gradU[k] = gradNext[k] + spikeGrad[k] * driveSlope[prev + k];
            }
        }
        grad[layout.logLr()] += logLrGrad;
        int uInit = layout.uInit();
        for (int k = 0; k < latents; k++) {
            grad[uInit + k] += gradU[k];
        }
    }
}
