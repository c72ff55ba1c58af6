package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Golden values from spec ddim.md A.4 and A.8; tolerances are half a unit of the spec's last digit. */
class NoiseScheduleTest {

    @Test
    void linearScheduleMatchesSpecTable() {
        NoiseSchedule schedule = NoiseSchedule.linear();
        assertEquals(1000, schedule.trainTimesteps());
        assertEquals(1e-4, schedule.beta(0), 0);
        assertEquals(0.02, schedule.beta(999), 0);
        assertEquals(1 - 1e-4, schedule.alpha(0), 0);
        assertEquals(0.9999, schedule.alphaCumprod(0), 5e-5);
        assertEquals(0.52409, schedule.alphaCumprod(249), 5e-6);
        assertEquals(0.078587, schedule.alphaCumprod(499), 5e-7);
        assertEquals(0.0033506, schedule.alphaCumprod(749), 5e-8);
        assertEquals(4.0358e-5, schedule.alphaCumprod(999), 5e-10);
        assertEquals(0.006353, Math.sqrt(schedule.alphaCumprod(999)), 5e-7);
    }

    @Test
    void scaledLinearScheduleMatchesStableDiffusionFigures() {
        NoiseSchedule schedule = NoiseSchedule.scaledLinear();
        assertEquals(0.00085, schedule.beta(0), 1e-18);
        assertEquals(0.012, schedule.beta(999), 1e-17);
        assertEquals(0.99915, schedule.alphaCumprod(0), 5e-6);
        assertEquals(0.67543, schedule.alphaCumprod(249), 5e-6);
        assertEquals(0.27767, schedule.alphaCumprod(499), 5e-6);
        // The spec table's 0.056624 is 0.0566235 (its script's output) rounded again.
        assertEquals(0.0566235, schedule.alphaCumprod(749), 5e-8);
        assertEquals(0.0046601, schedule.alphaCumprod(999), 5e-8);
        double terminal = schedule.alphaCumprod(999);
        assertEquals(0.068265, Math.sqrt(terminal), 5e-7);
        assertEquals(0.004682, terminal / (1 - terminal), 5e-7);
    }

    @Test
    void cosineScheduleMatchesSpecTable() {
        NoiseSchedule schedule = NoiseSchedule.cosine();
        assertEquals(0.999959, schedule.alphaCumprod(0), 5e-7);
        assertEquals(0.84701, schedule.alphaCumprod(249), 5e-6);
        assertEquals(0.49384, schedule.alphaCumprod(499), 5e-6);
        assertEquals(0.14427, schedule.alphaCumprod(749), 5e-6);
        assertEquals(2.43e-9, schedule.alphaCumprod(999), 5e-12);
        assertEquals(0.378, Math.sqrt(schedule.alphaCumprod(750)), 5e-4, "spec A.10: cosine, leading, first call");
        for (int t = 0; t < 1000; t++) {
            assertTrue(schedule.beta(t) <= BetaSchedule.COSINE_MAX_BETA, "beta capped at 0.999");
        }
    }

    @Test
    void zeroTerminalSnrRescaleEndsAtExactlyZero() {
        double[][] expectedBeforeEnd = {{4.2e-9, 0.05e-9}, {2.0e-7, 0.05e-7}, {2.3e-6, 0.05e-6}};
        NoiseSchedule[] schedules = {NoiseSchedule.linear(), NoiseSchedule.scaledLinear(), NoiseSchedule.cosine()};
        for (int k = 0; k < schedules.length; k++) {
            NoiseSchedule original = schedules[k];
            NoiseSchedule rescaled = original.withZeroTerminalSnr();
            assertTrue(rescaled.zeroTerminalSnr());
            assertEquals(1.0, rescaled.beta(999), 0, original + ": last beta");
            assertEquals(0.0, rescaled.alphaCumprod(999), 0, original + ": terminal alpha bar");
            assertEquals(original.alphaCumprod(0), rescaled.alphaCumprod(0), 1e-15, original + ": first kept");
            assertEquals(expectedBeforeEnd[k][0], rescaled.alphaCumprod(998), expectedBeforeEnd[k][1],
                    original + ": alpha bar 998");
            for (int t = 1; t < 999; t++) {
                assertTrue(rescaled.alphaCumprod(t) > 0 && rescaled.alphaCumprod(t) < rescaled.alphaCumprod(t - 1),
                        original + ": positive and decreasing at " + t);
            }
            assertSame(rescaled, rescaled.withZeroTerminalSnr());
        }
    }

    @Test
    void zeroTerminalSnrOfLinearMatchesSpecRow() {
        NoiseSchedule rescaled = NoiseSchedule.linear().withZeroTerminalSnr();
        assertEquals(0.521533, rescaled.alphaCumprod(249), 5e-7);
        assertEquals(0.0760288, rescaled.alphaCumprod(499), 5e-8);
        assertEquals(0.00268952, rescaled.alphaCumprod(749), 5e-9);
    }

    @Test
    void alphasCumprodIsTheProductOfAlphas() {
        NoiseSchedule schedule = NoiseSchedule.of(BetaSchedule.LINEAR, 3, 0.1, 0.3);
        assertEquals(0.2, schedule.beta(1), 1e-16);
        assertEquals(0.9 * 0.8 * 0.7, schedule.alphaCumprod(2), 1e-16);
        double[] copy = schedule.alphasCumprod();
        copy[0] = 5;
        assertEquals(0.9, schedule.alphaCumprod(0), 1e-16, "accessor returns a copy");
        assertEquals(3, schedule.betas().length);
    }

    @Test
    void rejectsInvalidSchedules() {
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.of(BetaSchedule.LINEAR, 1, 1e-4, 0.02));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.of(BetaSchedule.LINEAR, 10, 0, 0.02));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.of(BetaSchedule.LINEAR, 10, 0.03, 0.02));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.of(BetaSchedule.SCALED_LINEAR, 10, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.of(null, 10, 0.1, 0.2));
    }

    @Test
    void betaScheduleNamesRoundTrip() {
        for (BetaSchedule kind : BetaSchedule.values()) {
            assertSame(kind, BetaSchedule.fromDiffusersName(kind.diffusersName()));
        }
        assertEquals("squaredcos_cap_v2", BetaSchedule.SQUAREDCOS_CAP_V2.diffusersName());
        assertThrows(IllegalArgumentException.class, () -> BetaSchedule.fromDiffusersName("sigmoid"));
    }
}
