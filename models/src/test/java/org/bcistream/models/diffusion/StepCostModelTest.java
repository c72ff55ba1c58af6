package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepCostModelTest {

    @Test
    void estimatesAreWeightedMeanPlusDeviations() {
        StepCostModel model = new StepCostModel(0.5, 2);
        model.recordCall(10);
        assertEquals(10, model.callEstimateNanos(), "first observation: mean, no spread");
        model.recordCall(20);
        // d = 10, mean = 15, var = 0.5·(0 + 10·5) = 25, sd = 5: 15 + 2·5.
        assertEquals(25, model.callEstimateNanos(), 1e-12);
        model.recordOverhead(3);
        assertEquals(3 + 4 * 25, model.predictNanos(4), 1e-12);
    }

    @Test
    void isCalibratedOnlyAfterACallAndAnOverhead() {
        StepCostModel model = StepCostModel.withDefaults();
        assertFalse(model.isCalibrated());
        model.recordCall(5);
        assertFalse(model.isCalibrated());
        model.recordOverhead(0);
        assertTrue(model.isCalibrated());
    }

    @Test
    void followsADriftingCost() {
        StepCostModel model = new StepCostModel(0.2, 0);
        for (int i = 0; i < 100; i++) {
            model.recordCall(1_000);
        }
        for (int i = 0; i < 50; i++) {
            model.recordCall(3_000);
        }
        assertEquals(3_000, model.callEstimateNanos(), 0.1); // 2000·0.8^50 ≈ 0.03 left
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new StepCostModel(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new StepCostModel(1.1, 2));
        assertThrows(IllegalArgumentException.class, () -> new StepCostModel(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> new StepCostModel(0.1, Double.NaN));
    }
}
