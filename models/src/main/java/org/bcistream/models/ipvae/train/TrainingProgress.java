package org.bcistream.models.ipvae.train;

import java.util.Locale;

/**
 * One progress report of {@link IpvaeTrainer}. R² and the zero fraction are measured on the monitor frames
 * the way the reference validates (spec ipvae.md §5.1): each frame is held for T_train steps from u_init
 * with exact integer Poisson spikes (τ = 0) and the clamp widths of the current iteration, and read at the
 * last step.
 *
 * @param step optimiser iterations completed, 1 to {@code totalSteps}
 * @param totalSteps iterations of the whole run
 * @param loss mean training loss (nats × 256/M, see {@link IpvaeTrainer}) over the iterations since the last
 *     report
 * @param r2 mean per-frame R² of the reconstruction Φ z_out on the monitor frames
 * @param zeroFraction fraction of the monitor frames' spike counts that are exactly 0
 * @param stepsPerSecond iterations per second of wall time since training started (monitoring included)
 * @param etaSeconds estimated wall time left, seconds
 */
public record TrainingProgress(int step, int totalSteps, double loss, double r2, double zeroFraction,
        double stepsPerSecond, double etaSeconds) {

    /** A one-line summary for a console progress display. */
    @Override
    public String toString() {
        long eta = Math.round(etaSeconds);
        return String.format(Locale.ROOT, "step %d/%d (%.1f%%) loss %.4f R2 %.4f zeros %.3f | %.1f steps/s ETA %d:%02d:%02d",
                step, totalSteps, 100.0 * step / totalSteps, loss, r2, zeroFraction, stepsPerSecond, eta / 3600,
                eta / 60 % 60, eta % 60);
    }
}
