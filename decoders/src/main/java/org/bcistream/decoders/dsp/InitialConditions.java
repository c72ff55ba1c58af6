package org.bcistream.decoders.dsp;

/** How a {@link SosFilter} starts a channel's filter memory. */
public enum InitialConditions {
    /**
     * All delays zero: the causal filter starts at rest, as {@code scipy.signal.sosfilt} without {@code zi}.
     * A DC offset in the first samples produces a start-up transient. The default.
     */
    ZERO,
    /**
     * Steady state for the first sample held forever: each channel's delays start at
     * {@code sosfilt_zi(sos) * x[0]} of that channel, which removes the start-up transient of a constant
     * offset (as the initial conditions {@code scipy.signal.sosfiltfilt} uses). Requires every section to have
     * a steady state (no pole at z = 1).
     */
    STEADY_STATE
}
