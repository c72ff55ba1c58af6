package org.bcistream.models.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTransformTest {
    private static final List<float[]> CONDITIONS = List.of(new float[] {1, 10, 5}, new float[] {3, 30, 5}, new float[] {5, 20, 5});

    @Test
    void standardisingGivesZeroMeanUnitDeviationAndMapsConstantsToZero() {
        ConditionTransform t = ConditionTransform.standardising(CONDITIONS);
        double[] sum = new double[3];
        double[] squares = new double[3];
        for (float[] c : CONDITIONS) {
            float[] z = t.apply(c);
            for (int i = 0; i < 3; i++) {
                sum[i] += z[i];
                squares[i] += z[i] * z[i];
            }
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(0, sum[i] / 3, 1e-6);
            assertEquals(1, squares[i] / 3, 1e-6);
        }
        assertEquals(0, squares[2], 1e-12, "a constant input maps to 0");
    }

    @Test
    void compositionEqualsApplyingOneAfterTheOther() {
        ConditionTransform scores = ConditionTransform.of(new double[][] {{1, -2, 0.5}, {0, 1, 1}}, new double[] {0.25, -1});
        ConditionTransform composed = scores.standardisedOver(CONDITIONS);
        ConditionTransform second = ConditionTransform.standardising(CONDITIONS.stream().map(scores::apply).toList());
        for (float[] c : CONDITIONS) {
            assertArrayEquals(second.apply(scores.apply(c)), composed.apply(c), 1e-5f);
        }
        assertEquals(3, composed.inputSize());
        assertEquals(2, composed.outputSize());
    }

    @Test
    void malformedMapsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConditionTransform.of(new double[][] {{1, 2}, {3}}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> ConditionTransform.of(new double[][] {{1, 2}}, new double[] {0, 0}));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ConditionTransform.of(new double[][] {{1, Double.NaN}}, new double[] {0}));
        assertTrue(nan.getMessage().contains("matrix[0][1]"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConditionTransform.standardising(List.of()));
    }
}
