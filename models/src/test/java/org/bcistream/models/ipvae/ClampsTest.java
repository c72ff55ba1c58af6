package org.bcistream.models.ipvae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Spec ipvae.md §10 T8: the Poisson clamp S_c(max(y, −8)); and the Gaussian tanh clamp. */
class ClampsTest {

    @Test
    void poissonClampMatchesT8() {
        double[] y = {0, 5, 10, 20, -8, -20};
        double[] expected = {-4.5399e-5, 4.9932846515, 9.3068528194, 9.9999546011, -8.0000000152, -8.0000000152};
        for (int i = 0; i < y.length; i++) {
            assertEquals(expected[i], Clamps.poisson(y[i], 10), 1e-9 * (1 + Math.abs(expected[i])), "S_10 at " + y[i]);
        }
        assertEquals(0.6867383125, Clamps.poisson(1, 2), 1e-10);
    }

    @Test
    void softplusTurnsLinearAboveTwentyLikePytorch() {
        assertEquals(21.0, Clamps.softplus(21.0));
        assertEquals(Math.log1p(Math.exp(20.0)), Clamps.softplus(20.0));
        assertEquals(-1e-3, Clamps.softCeiling(-1e-3, 1000), 1e-12, "far below c the ceiling is the identity");
    }

    @Test
    void tanhClampIsSymmetric() {
        assertEquals(7 * Math.tanh(0.5 / 7), Clamps.tanh(0.5, 7));
        assertEquals(-Clamps.tanh(3.3, 2), Clamps.tanh(-3.3, 2));
    }
}
