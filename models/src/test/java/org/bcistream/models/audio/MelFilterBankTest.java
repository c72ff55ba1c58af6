package org.bcistream.models.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Slaney scale, the filter shapes and the pseudo-inverse. */
class MelFilterBankTest {
    private static final long SEED = 9L;

    @Test
    void slaneyScaleIsLinearBelowOneKilohertzAndLogarithmicAbove() {
        assertEquals(15.0, MelFilterBank.hzToMel(1000), 1e-12);
        assertEquals(3.0, MelFilterBank.hzToMel(200), 1e-12);
        assertEquals(15.0 + 27.0, MelFilterBank.hzToMel(6400), 1e-9, "27 steps per factor 6.4");
        for (double hz : new double[] {0, 123.4, 999.9, 1000, 4321, 8000}) {
            assertEquals(hz, MelFilterBank.melToHz(MelFilterBank.hzToMel(hz)), 1e-9);
        }
    }

    @Test
    void bandsAreNonNegativeAndCoverTheirRangeOnly() {
        MelFilterBank bank = MelFilterBank.slaney(MelConfig.DEFAULT);
        assertEquals(80, bank.bands());
        assertEquals(513, bank.bins());
        for (int m = 0; m < bank.bands(); m++) {
            double sum = 0;
            for (int k = 0; k < bank.bins(); k++) {
                assertTrue(bank.weight(m, k) >= 0);
                sum += bank.weight(m, k);
            }
            assertTrue(sum > 0, "band " + m + " is empty");
        }
        assertEquals(0.0, bank.weight(0, 20), 0.0, "the lowest band ends near 73 Hz, bin 20 is 312 Hz");
        assertEquals(0.0, bank.weight(79, 0), 0.0);
    }

    @Test
    void pseudoInverseReproducesTheMelItWasGiven() {
        MelFilterBank bank = MelFilterBank.slaney(MelConfig.DEFAULT);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] magnitude = random.doubles(bank.bins(), 0, 1).toArray();
        double[] mel = new double[bank.bands()];
        bank.apply(magnitude, mel);
        double[] linear = new double[bank.bins()];
        bank.toLinear(mel, linear);
        double[] again = new double[bank.bands()];
        bank.apply(linear, again);
        for (double v : linear) {
            assertTrue(v >= 0);
        }
        for (int m = 0; m < mel.length; m++) {
            // the clamp at 0 may move the mel a little; a smooth random spectrum rarely needs it
            assertEquals(mel[m], again[m], 0.05 * mel[m], "band " + m);
        }
    }

    @Test
    void refusesEmptyBandsAndBadConfigurations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MelFilterBank.slaney(new MelConfig(16_000, 256, 64, 128, 0, 8000, 1e-5)));
        assertTrue(e.getMessage().contains("contains no FFT bin"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MelConfig(16_000, 1024, 600, 80, 0, 8000, 1e-5));
        assertThrows(IllegalArgumentException.class, () -> new MelConfig(16_000, 1024, 256, 80, 0, 9000, 1e-5));
        assertThrows(IllegalArgumentException.class, () -> new MelConfig(16_000, 1024, 256, 80, 100, 50, 1e-5));
        assertThrows(IllegalArgumentException.class, () -> new MelConfig(16_000, 1024, 256, 80, 0, 8000, 0));
        assertEquals(17, MelConfig.DEFAULT.frameCount(4096));
        assertEquals(4096, MelConfig.DEFAULT.sampleCount(17));
    }
}
