package org.bcistream.models.diffusion.train;

import java.util.Locale;

/**
 * One progress report of a {@link DenoiserTrainer} run.
 *
 * @param step optimiser steps completed, 1..totalSteps
 * @param totalSteps steps of the whole run
 * @param loss mean v-prediction MSE over the steps since the previous report
 * @param gradientNorm the global gradient norm of the last step, before clipping
 * @param stepsPerSecond steps per second of wall time since the run started
 * @param etaSeconds estimated wall time left, in seconds
 */
public record TrainingProgress(int step, int totalSteps, double loss, double gradientNorm, double stepsPerSecond,
        double etaSeconds) {

    /** One console line, e.g. {@code step 200/5000 (4.0%) loss 0.1834 |g| 0.92 | 3.10 steps/s ETA 0:25:48}. */
    @Override
    public String toString() {
        long eta = Math.round(etaSeconds);
        return String.format(Locale.ROOT, "step %d/%d (%.1f%%) loss %.4f |g| %.3g | %.2f steps/s ETA %d:%02d:%02d",
                step, totalSteps, 100.0 * step / totalSteps, loss, gradientNorm, stepsPerSecond, eta / 3600,
                eta / 60 % 60, eta % 60);
    }
}
