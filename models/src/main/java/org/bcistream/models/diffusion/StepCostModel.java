package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

/**
 * An online model of how long sampling takes, in nanoseconds: predicted(n calls) = overhead + n·call,
 * where call and overhead are conservative estimates, mean + k·standard deviation, of exponentially
 * weighted statistics ({@link EwmaStatistic}) of the measured per-denoiser-call times and of the
 * per-sample time spent outside denoiser calls. With k = 2 and roughly normal times, a single call
 * exceeds its estimate about 2% of the time; the estimate is a heuristic bound, not an exact quantile.
 * The weighting lets the model follow drift (thermal throttling, a busier machine) within about 1/α
 * samples.
 *
 * <p>Until both a call and an overhead have been recorded the model is not {@link #isCalibrated()}.
 * Mutable; not thread-safe.
 */
public final class StepCostModel {

    /** Default weight α of the newest observation. */
    public static final double DEFAULT_SMOOTHING = 0.1;

    /** Default k, the number of standard deviations added to each mean. */
    public static final double DEFAULT_SAFETY_DEVIATIONS = 2;

    private final double safetyDeviations;
    private final EwmaStatistic callNanos;
    private final EwmaStatistic overheadNanos;

    /**
     * A model with no observations.
     *
     * @param smoothing α in (0, 1], the weight of the newest observation
     * @param safetyDeviations k {@code >= 0}, finite; 0 predicts the plain means
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public StepCostModel(double smoothing, double safetyDeviations) {
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw invalid("smoothing must be in (0, 1]; got %s", smoothing);
        }
        if (!(safetyDeviations >= 0 && Double.isFinite(safetyDeviations))) {
            throw invalid("safety deviations must be finite and >= 0; got %s", safetyDeviations);
        }
        this.safetyDeviations = safetyDeviations;
        this.callNanos = new EwmaStatistic(smoothing);
        this.overheadNanos = new EwmaStatistic(smoothing);
    }

    /** A model with {@link #DEFAULT_SMOOTHING} and {@link #DEFAULT_SAFETY_DEVIATIONS}. */
    public static StepCostModel withDefaults() {
        return new StepCostModel(DEFAULT_SMOOTHING, DEFAULT_SAFETY_DEVIATIONS);
    }

    /** Records the duration of one denoiser call. */
    public void recordCall(long nanos) {
        callNanos.accept(nanos);
    }

    /** Records the time one sample spent outside denoiser calls. */
    public void recordOverhead(long nanos) {
        overheadNanos.accept(nanos);
    }

    /** Whether at least one call and one overhead have been recorded, so predictions mean something. */
    public boolean isCalibrated() {
        return callNanos.count() > 0 && overheadNanos.count() > 0;
    }

    /** The conservative estimate of one denoiser call, in nanoseconds (0 before any observation). */
    public double callEstimateNanos() {
        return callNanos.upperBound(safetyDeviations);
    }

    /** The conservative estimate of the per-sample overhead, in nanoseconds (0 before any observation). */
    public double overheadEstimateNanos() {
        return overheadNanos.upperBound(safetyDeviations);
    }

    /** The predicted duration of a sample that makes {@code denoiserCalls} calls, in nanoseconds. */
    public double predictNanos(int denoiserCalls) {
        return overheadEstimateNanos() + denoiserCalls * callEstimateNanos();
    }
}
