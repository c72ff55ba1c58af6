package org.bcistream.streaming.lsl;

/**
 * A source of LSL time: seconds on a monotonic clock, the unit of every LSL time stamp. {@link #SYSTEM} is liblsl's
 * {@code lsl_local_clock()} ({@code steady_clock}; {@link System#nanoTime()} reads the same CLOCK_MONOTONIC on
 * Linux). Tests inject others, e.g. an offset clock.
 */
@FunctionalInterface
public interface LslClock {
    /** {@code System.nanoTime() / 1e9}. */
    LslClock SYSTEM = () -> System.nanoTime() / 1e9;

    /** The current time in seconds. */
    double now();
}
