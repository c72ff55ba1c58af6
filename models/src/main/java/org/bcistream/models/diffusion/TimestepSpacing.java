package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

/**
 * How S inference steps pick their training timesteps out of 0..T−1 (spec ddim.md A.5, diffusers
 * {@code timestep_spacing}). Each method returns S distinct timesteps in decreasing order, the first one
 * evaluated first. For T = 1000, S = 4: leading [750, 500, 250, 0], trailing [999, 749, 499, 249],
 * linspace [999, 666, 333, 0].
 *
 * <p>Rounding is numpy's {@code round} (half to even, {@link Math#rint}). Where numpy's float
 * {@code arange(T, 0, -T/S)} has one element too many (e.g. T = 1000, S = 61, giving a last timestep of
 * −1), trailing here still returns exactly S timesteps, the first S of diffusers' list.
 */
public enum TimestepSpacing {
    /** r = T div S; timesteps (S−1)r, …, r, 0, plus {@code stepsOffset}. The diffusers default. */
    LEADING("leading") {
        @Override
        int[] compute(int trainTimesteps, int steps, int stepsOffset) {
            int ratio = trainTimesteps / steps;
            if ((steps - 1) * ratio + stepsOffset >= trainTimesteps) {
                throw invalid("leading spacing with %d steps and steps_offset %d reaches timestep %d; T is %d",
                        steps, stepsOffset, (steps - 1) * ratio + stepsOffset, trainTimesteps);
            }
            int[] timesteps = new int[steps];
            for (int i = 0; i < steps; i++) {
                timesteps[i] = (steps - 1 - i) * ratio + stepsOffset;
            }
            return timesteps;
        }
    },
    /** r = T/S as a float; timesteps round(T − i·r) − 1 for i = 0..S−1, so the first is always T−1. */
    TRAILING("trailing") {
        @Override
        int[] compute(int trainTimesteps, int steps, int stepsOffset) {
            double ratio = (double) trainTimesteps / steps;
            double delta = (trainTimesteps - ratio) - trainTimesteps; // numpy arange's fill step
            int[] timesteps = new int[steps];
            for (int i = 0; i < steps; i++) {
                timesteps[i] = (int) Math.rint(trainTimesteps + i * delta) - 1;
            }
            return timesteps;
        }
    },
    /** round(linspace(0, T−1, S)), reversed; S = 1 gives [0]. */
    LINSPACE("linspace") {
        @Override
        int[] compute(int trainTimesteps, int steps, int stepsOffset) {
            int[] timesteps = new int[steps];
            if (steps == 1) {
                return timesteps;
            }
            double step = (trainTimesteps - 1.0) / (steps - 1);
            for (int i = 0; i < steps - 1; i++) {
                timesteps[steps - 1 - i] = (int) Math.rint(i * step);
            }
            timesteps[0] = trainTimesteps - 1;
            return timesteps;
        }
    };

    private final String diffusersName;

    TimestepSpacing(String diffusersName) {
        this.diffusersName = diffusersName;
    }

    abstract int[] compute(int trainTimesteps, int steps, int stepsOffset);

    /**
     * The S timesteps to evaluate, in decreasing order.
     *
     * @param trainTimesteps T, {@code >= 2}
     * @param steps S, in 1..T
     * @param stepsOffset added to every timestep by {@link #LEADING} only (as in diffusers), {@code >= 0}
     * @throws IllegalArgumentException if an argument is out of range or a leading timestep would reach T
     */
    public int[] timesteps(int trainTimesteps, int steps, int stepsOffset) {
        if (trainTimesteps < 2) {
            throw invalid("T must be >= 2; got %d", trainTimesteps);
        }
        if (steps < 1 || steps > trainTimesteps) {
            throw invalid("inference steps must be in 1..%d (T); got %d", trainTimesteps, steps);
        }
        if (stepsOffset < 0) {
            throw invalid("steps_offset must be >= 0; got %d", stepsOffset);
        }
        return compute(trainTimesteps, steps, stepsOffset);
    }

    /** The name diffusers uses in {@code timestep_spacing}, e.g. {@code "trailing"}. */
    public String diffusersName() {
        return diffusersName;
    }

    /**
     * The spacing with the given diffusers name.
     *
     * @throws IllegalArgumentException if no spacing has that name
     */
    public static TimestepSpacing fromDiffusersName(String name) {
        for (TimestepSpacing spacing : values()) {
            if (spacing.diffusersName.equals(name)) {
                return spacing;
            }
        }
        throw invalid("unknown timestep spacing '%s'; expected leading, trailing or linspace", name);
    }
}
