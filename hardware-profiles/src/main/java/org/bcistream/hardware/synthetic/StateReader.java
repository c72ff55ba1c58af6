package org.bcistream.hardware.synthetic;

import java.util.Locale;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;

/**
 * Hands the values of a {@link SyntheticSubjectState} back to the generator's parts in the order a
 * {@link StateWriter} took them, failing with the counts when the state does not fit this generator.
 */
final class StateReader {
    private final SyntheticSubjectState state;
    private final String generator;
    private int nextInteger;
    private int nextReal;
    private int nextRng;

    StateReader(SyntheticSubjectState state, String generator) {
        this.state = state;
        this.generator = generator;
    }

    long nextLong() {
        long[] values = state.integers();
        if (nextInteger == values.length) {
            throw mismatch("integer values", values.length);
        }
        return values[nextInteger++];
    }

    /** Reads an integer value and checks it lies in {@code [min, max]}. */
    long nextLong(String what, long min, long max) {
        long v = nextLong();
        if (v < min || v > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "synthetic subject state does not fit %s: %s is %d, expected %d..%d", generator, what, v, min,
                    max));
        }
        return v;
    }

    /** Reads an integer value and checks it lies in {@code [min, max]}. */
    int nextInt(String what, int min, int max) {
        return (int) nextLong(what, min, max);
    }

    double nextDouble() {
        double[] values = state.reals();
        if (nextReal == values.length) {
            throw mismatch("real values", values.length);
        }
        return values[nextReal++];
    }

    void nextDoubles(double[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = nextDouble();
        }
    }

    void restoreRng(RestorableUniformRandomProvider rng) {
        byte[][] states = state.rngStates();
        if (nextRng == states.length) {
            throw mismatch("random-stream states", states.length);
        }
        try {
            rng.restoreState(new RandomProviderDefaultState(states[nextRng++]));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "synthetic subject state does not fit %s: random-stream state %d is invalid (%s)", generator,
                    nextRng - 1, e.getMessage()), e);
        }
    }

    /** Checks that every value was consumed. */
    void finish() {
        if (nextInteger != state.integers().length || nextReal != state.reals().length
                || nextRng != state.rngStates().length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "synthetic subject state does not fit %s: it holds %d integer values, %d real values and %d"
                            + " random-stream states, the generator uses %d, %d and %d",
                    generator, state.integers().length, state.reals().length, state.rngStates().length,
                    nextInteger, nextReal, nextRng));
        }
    }

    private IllegalArgumentException mismatch(String what, int available) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "synthetic subject state does not fit %s: it holds only %d %s, the generator needs more",
                generator, available, what));
    }
}
