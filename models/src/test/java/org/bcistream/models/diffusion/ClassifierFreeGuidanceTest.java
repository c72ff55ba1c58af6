package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed cases of spec ddim.md A.9. */
class ClassifierFreeGuidanceTest {

    @Test
    void guidanceExtrapolatesFromUnconditionalTowardsConditional() {
        float[] output = {1, 2, 3};
        new ClassifierFreeGuidance(2, 0).apply(output, new float[] {0, 1, 1});
        assertArrayEquals(new float[] {2, 3, 5}, output); // u + 2 (c - u)
    }

    @Test
    void hoSalimansWeightIsScaleMinusOne() {
        float[] output = {1, 2, 3};
        float[] unconditional = {0, 1, 1};
        new ClassifierFreeGuidance(1.5, 0).apply(output, unconditional);
        assertArrayEquals(new float[] {1.5f * 1 - 0.5f * 0, 1.5f * 2 - 0.5f * 1, 1.5f * 3 - 0.5f * 1}, output, 1e-6f);
    }

    @Test
    void rescaleBlendsTowardsTheConditionalStandardDeviation() {
        // cfg = [2, 3, 5]; std(c) = sqrt(2/3), std(cfg) = sqrt(14/9); factor = 0.5 + 0.5 * std(c)/std(cfg).
        float[] output = {1, 2, 3};
        new ClassifierFreeGuidance(2, 0.5).apply(output, new float[] {0, 1, 1});
        assertArrayEquals(new float[] {1.65465367f, 2.48198051f, 4.13663418f}, output, 1e-6f);
    }

    @Test
    void fullRescaleRestoresTheConditionalStandardDeviation() {
        float[] output = {1, 2, 3};
        new ClassifierFreeGuidance(2, 1).apply(output, new float[] {0, 1, 1});
        assertArrayEquals(new float[] {1.30930734f, 1.96396101f, 3.27326835f}, output, 1e-6f);
        double mean = (output[0] + output[1] + output[2]) / 3.0;
        double variance = 0;
        for (float value : output) {
            variance += (value - mean) * (value - mean) / 3;
        }
        assertEquals(Math.sqrt(2.0 / 3), Math.sqrt(variance), 1e-6);
    }

    @Test
    void constantGuidedOutputIsNotRescaled() {
        float[] output = {2, 2};
        new ClassifierFreeGuidance(3, 0.7).apply(output, new float[] {2, 2});
        assertArrayEquals(new float[] {2, 2}, output);
    }

    @Test
    void scaleOneLeavesTheConditionalOutput() {
        ClassifierFreeGuidance none = ClassifierFreeGuidance.none();
        assertFalse(none.isActive());
        assertTrue(new ClassifierFreeGuidance(1.01, 0).isActive());
        float[] output = {1, 2};
        none.apply(output, new float[] {7, 7});
        assertArrayEquals(new float[] {1, 2}, output);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new ClassifierFreeGuidance(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierFreeGuidance(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierFreeGuidance(2, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierFreeGuidance(2, -0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new ClassifierFreeGuidance(2, 0).apply(new float[2], new float[3]));
    }
}
