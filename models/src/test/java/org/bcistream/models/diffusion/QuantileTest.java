package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileTest {

    @Test
    void selectionAgreesWithSortingOnRandomArraysWithTies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            int length = 1 + random.nextInt(40);
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = random.nextInt(10) - 5 + (random.nextBoolean() ? 0 : random.nextDouble());
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double q = random.nextDouble();
            double position = (length - 1) * q;
            int lower = (int) Math.floor(position);
            double expected = lower == length - 1
                    ? sorted[lower]
                    : sorted[lower] + (position - lower) * (sorted[lower + 1] - sorted[lower]);
            assertEquals(expected, Quantile.linear(values.clone(), length, q), 1e-12, "trial " + trial);
            int rank = random.nextInt(length);
            assertEquals(sorted[rank], Quantile.select(values.clone(), length, rank), "trial " + trial);
        }
    }

    @Test
    void extremesAreMinimumAndMaximum() {
        assertEquals(-3, Quantile.linear(new double[] {2, -3, 9, 0}, 4, 0));
        assertEquals(9, Quantile.linear(new double[] {2, -3, 9, 0}, 4, 1));
        assertEquals(4, Quantile.linear(new double[] {4}, 1, 0.5));
    }
}
