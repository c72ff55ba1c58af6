package org.bcistream.decoders.dsp;

/**
 * The memory of one {@link SosFilter} for one session: the direct-form-II-transposed delays of every
 * channel and section, kept across calls so that a stream filtered chunk by chunk gives the same output as
 * filtered at once.
 *
 * <p>Layout: {@code delays[(channel * sections + section) * 2 + j]}, {@code j = 0, 1} for the two delays
 * {@code z0, z1} of the section (scipy's {@code zi[section, :]} for that channel); doubles.
 * {@code primed} is true once the delays hold a valid start (always for {@link InitialConditions#ZERO};
 * after the first sample for {@link InitialConditions#STEADY_STATE}).
 *
 * <p>A mutable Flink POJO (public no-arg constructor, getter/setter per field) owned by one session; not
 * thread-safe. Create it with {@link SosFilter#newState()}; the filter mutates the delay array in place.
 */
public final class SosFilterState {
    private double[] delays = new double[0];
    private boolean primed;

    /** An empty state for serialisers; use {@link SosFilter#newState()} to get a usable one. */
    public SosFilterState() {}

    SosFilterState(int delayCount, boolean primed) {
        this.delays = new double[delayCount];
        this.primed = primed;
    }

    /** The delays, channel-major then section (see the class comment); the live array, not a copy. */
    public double[] getDelays() {
        return delays;
    }

    public void setDelays(double[] delays) {
        this.delays = delays;
    }

    /** True once the delays hold a valid starting point. */
    public boolean isPrimed() {
        return primed;
    }

    public void setPrimed(boolean primed) {
        this.primed = primed;
    }
}
