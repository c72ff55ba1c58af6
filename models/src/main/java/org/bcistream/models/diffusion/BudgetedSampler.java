package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

import java.util.function.LongSupplier;

/**
 * DDIM sampling within a latency budget (DESIGN.md "Time and latency"): each {@link #sample} runs the
 * largest step count of a {@link StepLadder} that the {@link StepCostModel} predicts will finish within
 * the budget, measures every denoiser call and the remaining overhead, and feeds them back to the model.
 * If not even the smallest rung is predicted to fit, the smallest rung still runs: the output is
 * produced late and reported (and counted) as a missed deadline, never dropped. Before the model has
 * any measurement the smallest rung is used, which calibrates it.
 *
 * <p>Time comes from an injected nanosecond clock ({@code System::nanoTime} in production, a fake one in
 * tests). The sampler reads it twice per denoiser call and twice per sample; a sample allocates only
 * its small result record. Not thread-safe: one per thread or task.
 */
public final class BudgetedSampler {
    private final DdimSampler sampler;
    private final TimedDenoiser timedDenoiser;
    private final StepLadder ladder;
    private final StepCostModel costModel;
    private final LongSupplier nanoClock;
    private long samples;
    private long deadlineMisses;

    /**
     * A budgeted sampler around a new {@link DdimSampler} whose denoiser calls are timed.
     *
     * @param ladder the step counts to choose from; the largest must not exceed T
     * @param costModel the cost model, updated by every sample (pass a fresh one or one already warmed up)
     * @param nanoClock a monotonic clock in nanoseconds
     * @throws IllegalArgumentException if an argument is missing or a rung exceeds T
     */
    public BudgetedSampler(DdimConfig config, Denoiser denoiser, NoiseSource noise, StepLadder ladder,
            StepCostModel costModel, LongSupplier nanoClock) {
        if (config == null || denoiser == null || ladder == null || costModel == null || nanoClock == null) {
            throw invalid("config, denoiser, ladder, cost model and clock are all required");
        }
        if (ladder.largest() > config.schedule().trainTimesteps()) {
            throw invalid("the ladder's %d steps exceed T = %d", ladder.largest(),
                    config.schedule().trainTimesteps());
        }
        this.timedDenoiser = new TimedDenoiser(denoiser, nanoClock, costModel);
        this.sampler = new DdimSampler(config, timedDenoiser, noise);
        this.ladder = ladder;
        this.costModel = costModel;
        this.nanoClock = nanoClock;
        for (int i = 0; i < ladder.size(); i++) {
            sampler.timesteps(ladder.rung(i)); // validates each rung against the spacing up front
        }
    }

    /**
     * Generates one sample within {@code budgetNanos} from now if the cost model allows.
     *
     * @param condition the condition vector (see {@link DdimSampler#denoise})
     * @param budgetNanos the time left for this output, in nanoseconds; 0 or less is already late
     * @param out receives the sample x₀
     * @return the steps used, the time taken and whether the deadline was missed
     */
    public BudgetedSample sample(float[] condition, long budgetNanos, float[] out) {
        long start = nanoClock.getAsLong();
        int steps = chooseSteps(budgetNanos);
        timedDenoiser.resetCallNanos();
        sampler.sample(steps, condition, out);
        long elapsed = nanoClock.getAsLong() - start;
        costModel.recordOverhead(Math.max(0, elapsed - timedDenoiser.callNanos()));
        boolean missed = elapsed > budgetNanos;
        samples++;
        if (missed) {
            deadlineMisses++;
        }
        return new BudgetedSample(steps, elapsed, budgetNanos, missed);
    }

    /**
     * The step count {@link #sample} would choose now: the largest rung whose predicted duration is at
     * most {@code budgetNanos}, or the smallest rung if none is or the cost model is not yet calibrated.
     */
    public int chooseSteps(long budgetNanos) {
        if (costModel.isCalibrated()) {
            int callsPerStep = sampler.denoiserCallsPerStep();
            for (int i = ladder.size() - 1; i > 0; i--) {
                if (costModel.predictNanos(ladder.rung(i) * callsPerStep) <= budgetNanos) {
                    return ladder.rung(i);
                }
            }
        }
        return ladder.smallest();
    }

    /** The underlying sampler (its denoiser calls are timed by this one). */
    public DdimSampler sampler() {
        return sampler;
    }

    /** The cost model this sampler updates. */
    public StepCostModel costModel() {
        return costModel;
    }

    /** The number of samples produced. */
    public long samples() {
        return samples;
    }

    /** The number of samples that took longer than their budget. */
    public long deadlineMisses() {
        return deadlineMisses;
    }
}
