package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The table of spec ddim.md A.5, plus numpy values for rounding corner cases. */
class TimestepSpacingTest {
    private static final int T = 1000;

    @Test
    void leadingMatchesSpecTable() {
        assertArrayEquals(new int[] {0}, TimestepSpacing.LEADING.timesteps(T, 1, 0));
        assertArrayEquals(new int[] {500, 0}, TimestepSpacing.LEADING.timesteps(T, 2, 0));
        assertArrayEquals(new int[] {666, 333, 0}, TimestepSpacing.LEADING.timesteps(T, 3, 0));
        assertArrayEquals(new int[] {750, 500, 250, 0}, TimestepSpacing.LEADING.timesteps(T, 4, 0));
        assertArrayEquals(new int[] {900, 800, 700, 600, 500, 400, 300, 200, 100, 0},
                TimestepSpacing.LEADING.timesteps(T, 10, 0));
    }

    @Test
    void trailingMatchesSpecTable() {
        assertArrayEquals(new int[] {999}, TimestepSpacing.TRAILING.timesteps(T, 1, 0));
        assertArrayEquals(new int[] {999, 499}, TimestepSpacing.TRAILING.timesteps(T, 2, 0));
        assertArrayEquals(new int[] {999, 666, 332}, TimestepSpacing.TRAILING.timesteps(T, 3, 0));
        assertArrayEquals(new int[] {999, 749, 499, 249}, TimestepSpacing.TRAILING.timesteps(T, 4, 0));
        assertArrayEquals(new int[] {999, 899, 799, 699, 599, 499, 399, 299, 199, 99},
                TimestepSpacing.TRAILING.timesteps(T, 10, 0));
    }

    @Test
    void linspaceMatchesSpecTable() {
        assertArrayEquals(new int[] {0}, TimestepSpacing.LINSPACE.timesteps(T, 1, 0));
        assertArrayEquals(new int[] {999, 0}, TimestepSpacing.LINSPACE.timesteps(T, 2, 0));
        assertArrayEquals(new int[] {999, 500, 0}, TimestepSpacing.LINSPACE.timesteps(T, 3, 0));
        assertArrayEquals(new int[] {999, 666, 333, 0}, TimestepSpacing.LINSPACE.timesteps(T, 4, 0));
        assertArrayEquals(new int[] {999, 888, 777, 666, 555, 444, 333, 222, 111, 0},
                TimestepSpacing.LINSPACE.timesteps(T, 10, 0));
        assertArrayEquals(new int[] {999, 832, 666, 500, 333, 166, 0}, TimestepSpacing.LINSPACE.timesteps(T, 7, 0));
    }

    @Test
    void trailingRoundsHalfToEvenLikeNumpy() {
        // arange(1000, 0, -62.5) has .5 values: 937.5 -> 938, 812.5 -> 812, 687.5 -> 688, 562.5 -> 562 ...
        assertArrayEquals(new int[] {999, 937, 874, 811, 749, 687, 624, 561, 499, 437, 374, 311, 249, 187, 124, 61},
                TimestepSpacing.TRAILING.timesteps(T, 16, 0));
        assertArrayEquals(new int[] {999, 922, 845, 768, 691, 614, 537, 461, 384, 307, 230, 153, 76},
                TimestepSpacing.TRAILING.timesteps(T, 13, 0));
    }

    @Test
    void trailingReturnsExactlySStepsWhereNumpyArangeOvershoots() {
        int[] timesteps = TimestepSpacing.TRAILING.timesteps(T, 61, 0);
        assertEquals(61, timesteps.length);
        assertEquals(15, timesteps[60], "numpy would append a 62nd timestep, -1");
    }

    @Test
    void stepsOffsetShiftsLeadingOnly() {
        assertArrayEquals(new int[] {751, 501, 251, 1}, TimestepSpacing.LEADING.timesteps(T, 4, 1));
        assertArrayEquals(new int[] {999, 749, 499, 249}, TimestepSpacing.TRAILING.timesteps(T, 4, 1));
        assertArrayEquals(new int[] {999, 666, 333, 0}, TimestepSpacing.LINSPACE.timesteps(T, 4, 1));
    }

    @Test
    void everyStepCountGivesDistinctDecreasingTimestepsInRange() {
        for (TimestepSpacing spacing : TimestepSpacing.values()) {
            for (int steps = 1; steps <= T; steps++) {
                int[] timesteps = spacing.timesteps(T, steps, 0);
                assertEquals(steps, timesteps.length);
                assertTrue(timesteps[0] <= T - 1 && timesteps[steps - 1] >= 0, spacing + " S=" + steps);
                for (int i = 1; i < steps; i++) {
                    assertTrue(timesteps[i] < timesteps[i - 1], spacing + " S=" + steps + " at " + i);
                }
            }
        }
    }

    @Test
    void rejectsOutOfRangeArguments() {
        assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.TRAILING.timesteps(T, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.TRAILING.timesteps(T, T + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.LEADING.timesteps(T, 4, -1));
        assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.LEADING.timesteps(T, T, 1),
                "999 + offset 1 reaches T");
        assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.LINSPACE.timesteps(1, 1, 0));
    }

    @Test
    void namesRoundTrip() {
        for (TimestepSpacing spacing : TimestepSpacing.values()) {
            assertSame(spacing, TimestepSpacing.fromDiffusersName(spacing.diffusersName()));
        }
        assertThrows(IllegalArgumentException.class, () -> TimestepSpacing.fromDiffusersName("quad"));
    }
}
