package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Adamax with weight decay, and the global-norm clip, against values computed by hand (Python floats). */
class AdamaxTest {

    @Test
    void twoStepsWithWeightDecay() {
        Adamax adamax = new Adamax(2, 0.1);
        double[] theta = {1.0, -2.0};
        adamax.step(theta, new double[] {0.5, 0.0}, 0.01);
        assertArrayEquals(new double[] {0.9900000001666667, -1.9900000005}, theta, 1e-15);
        adamax.step(theta, new double[] {-1.0, 0.25}, 0.01);
        assertArrayEquals(new double[] {0.9921087681787196, -1.9866018656915072}, theta, 1e-15);
    }

    @Test
    void clipScalesToTheMaximumNormOnlyWhenAbove() {
        double[] grad = {3, 4};
        assertEquals(5, GradientClip.apply(grad, 1), 0);
        assertArrayEquals(new double[] {3 / (5 + 1e-6), 4 / (5 + 1e-6)}, grad, 1e-15);
        double[] small = {0.3, 0.4};
        GradientClip.apply(small, 1);
        assertArrayEquals(new double[] {0.3, 0.4}, small, 0);
    }
}
