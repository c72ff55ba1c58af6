package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The training copy of the Poisson clamp: spec §10 T8 values, and its slope against finite differences. */
class PoissonClampTest {
    private final double[] slope = new double[1];

    @Test
    void specT8Values() {
        double[] inputs = {0, 5, 10, 20, -8, -20};
        double[] expected = {-4.5399e-5, 4.9932846515, 9.3068528194, 9.9999546011, -8.0000000152, -8.0000000152};
        for (int i = 0; i < inputs.length; i++) {
            assertEquals(expected[i], PoissonClamp.apply(inputs[i], 10, slope, 0), 1e-9, "S_10(" + inputs[i] + ")");
        }
        assertEquals(0.6867383125, PoissonClamp.apply(1, 2, slope, 0), 1e-10);
    }

    @Test
    void slopeMatchesFiniteDifferencesAndIsZeroUnderTheFloor() {
        double[] ignored = new double[1];
        for (double c : new double[] {2, 10, 35}) {
            for (double y : new double[] {-7.5, -3, 0.2, 1.9, 6, 12, 40}) {
                PoissonClamp.apply(y, c, slope, 0);
                double h = 1e-6;
                double numeric = (PoissonClamp.apply(y + h, c, ignored, 0) - PoissonClamp.apply(y - h, c, ignored, 0))
                        / (2 * h);
                assertEquals(numeric, slope[0], 1e-8, "c " + c + ", y " + y);
            }
            PoissonClamp.apply(-9, c, slope, 0);
            assertEquals(0, slope[0]);
        }
        PoissonClamp.apply(5, 35, slope, 0);
        assertEquals(1, slope[0], "softplus is linear above 20, so the clamp is the identity there");
    }
}
