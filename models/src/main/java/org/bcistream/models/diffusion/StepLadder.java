package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

import java.util.Arrays;

/**
 * The step counts a {@link BudgetedSampler} may choose from, e.g. 1, 2, 4, 8: strictly increasing, all
 * {@code >= 1}. A short ladder keeps the set of timestep lists (and of output qualities) small and
 * testable. Immutable.
 */
public final class StepLadder {
    private final int[] rungs;

    private StepLadder(int[] rungs) {
        this.rungs = rungs;
    }

    /**
     * A ladder with the given rungs.
     *
     * @throws IllegalArgumentException if there are none, or they are not strictly increasing from {@code >= 1}
     */
    public static StepLadder of(int... rungs) {
        if (rungs == null || rungs.length == 0) {
            throw invalid("a step ladder needs at least one rung");
        }
        for (int i = 0; i < rungs.length; i++) {
            if (rungs[i] < 1 || (i > 0 && rungs[i] <= rungs[i - 1])) {
                throw invalid("ladder rungs must be strictly increasing step counts >= 1; got %s",
                        Arrays.toString(rungs));
            }
        }
        return new StepLadder(rungs.clone());
    }

    /**
     * 1, 2, 4, … up to the largest power of two not above {@code maxSteps}.
     *
     * @throws IllegalArgumentException if {@code maxSteps < 1}
     */
    public static StepLadder powersOfTwo(int maxSteps) {
        if (maxSteps < 1) {
            throw invalid("the largest step count must be >= 1; got %d", maxSteps);
        }
        int[] rungs = new int[31 - Integer.numberOfLeadingZeros(maxSteps) + 1];
        for (int i = 0; i < rungs.length; i++) {
            rungs[i] = 1 << i;
        }
        return new StepLadder(rungs);
    }

    /** The number of rungs. */
    public int size() {
        return rungs.length;
    }

    /** The step count of rung {@code index}, in increasing order from 0. */
    public int rung(int index) {
        return rungs[index];
    }

    /** The smallest step count, used when no rung fits the budget. */
    public int smallest() {
        return rungs[0];
    }

    /** The largest step count. */
    public int largest() {
        return rungs[rungs.length - 1];
    }

    @Override
    public String toString() {
        return "StepLadder" + Arrays.toString(rungs);
    }
}
