package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-iteration schedules: spec §10 T14 (β, τ), the clamp widening, the learning rate and the clip. */
class SchedulesTest {
    private static final int N = 1000;
    private final Schedules schedules = new Schedules(TrainingConfig.builder().setLatents(4).build(), N);

    @Test
    void specT14BetaAndTemperature() {
        assertEquals(1e-4, schedules.beta(0), 1e-15);
        assertEquals(1e-4, schedules.beta(1), 1e-15);
        assertEquals(0.2425232323, schedules.beta(2), 1e-10);
        assertEquals(24, schedules.beta(100), 0);
        assertEquals(24, schedules.beta(999), 0);
        assertEquals(1, schedules.temperature(0), 0);
        assertEquals(0.9980160321, schedules.temperature(1), 1e-10);
        assertEquals(0.01, schedules.temperature(499), 0);
        assertEquals(0.01, schedules.temperature(500), 0);
    }

    @Test
    void clampsWidenFromTwoToTheirFinalWidthWithTheBetaRamp() {
        assertEquals(new IterationSettings(1e-4, 2, 2, 1), schedules.at(0));
        assertEquals(2 + 8.0 / 99, schedules.at(2).clampU(), 1e-12);
        IterationSettings ramped = schedules.at(100);
        assertEquals(10, ramped.clampU(), 0);
        assertEquals(10, ramped.clampDeltaU(), 0);
    }

    @Test
    void learningRateWarmsUpLinearlyThenDecaysAlongACosine() {
        // 0.5% of 1000 iterations: 0..4 warm up, from 0.
        for (int i = 0; i < 5; i++) {
            assertTrue(schedules.isWarmingUp(i));
            assertEquals(0.005 * i / 5, schedules.learningRate(i), 1e-15);
            assertEquals(900, schedules.clipNorm(i), 0);
        }
        assertFalse(schedules.isWarmingUp(5));
        assertEquals(300, schedules.clipNorm(5), 0);
        assertEquals(0.005, schedules.learningRate(5), 1e-15);
        double midway = 1e-5 + (0.005 - 1e-5) / 2;
        assertEquals(midway, schedules.learningRate(5 + 995 / 2), 1e-5);
        double last = 1e-5 + (0.005 - 1e-5) * (1 + Math.cos(Math.PI * 994 / 995)) / 2;
        assertEquals(last, schedules.learningRate(999), 1e-15);
    }

    @Test
    void linspaceIsNumpys() {
        assertEquals(3, Schedules.linspace(3, 9, 1, 0), 0);
        assertEquals(9, Schedules.linspace(3, 9, 4, 3), 0);
        assertEquals(5, Schedules.linspace(3, 9, 4, 1), 1e-15);
    }
}
