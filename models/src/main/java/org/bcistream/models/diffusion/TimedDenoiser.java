package org.bcistream.models.diffusion;

import java.util.function.LongSupplier;

/**
 * A {@link Denoiser} decorator that times every call with a nanosecond clock, records each duration in a
 * {@link StepCostModel} and sums them until {@link #resetCallNanos()}. Not thread-safe.
 */
final class TimedDenoiser implements Denoiser {
    private final Denoiser inner;
    private final LongSupplier nanoClock;
    private final StepCostModel costModel;
    private long callNanos;

    TimedDenoiser(Denoiser inner, LongSupplier nanoClock, StepCostModel costModel) {
        this.inner = inner;
        this.nanoClock = nanoClock;
        this.costModel = costModel;
    }

    @Override
    public SampleShape sampleShape() {
        return inner.sampleShape();
    }

    @Override
    public int conditionSize() {
        return inner.conditionSize();
    }

    @Override
    public void predict(float[] x, int timestep, float[] condition, float[] out) {
        long start = nanoClock.getAsLong();
        inner.predict(x, timestep, condition, out);
        record(nanoClock.getAsLong() - start);
    }

    @Override
    public void predictUnconditional(float[] x, int timestep, float[] out) {
        long start = nanoClock.getAsLong();
        inner.predictUnconditional(x, timestep, out);
        record(nanoClock.getAsLong() - start);
    }

    /** The summed duration of the calls since the last reset, in nanoseconds. */
    long callNanos() {
        return callNanos;
    }

    void resetCallNanos() {
        callNanos = 0;
    }

    private void record(long nanos) {
        costModel.recordCall(nanos);
        callNanos += nanos;
    }
}
