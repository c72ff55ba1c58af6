package org.bcistream.models.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the spectrogram distances (their values are checked in {@link MelReferenceTest}). */
class DistanceTest {
    private static final long SEED = 21L;

    @Test
    void identicalSpectrogramsAreAtZeroAndDistancesAreSymmetric() {
        float[][] a = randomMel(1);
        float[][] b = randomMel(2);
        assertEquals(0.0, LogMelL1.distance(a, a), 0.0);
        assertEquals(0.0, Mcd.compute(a, a), 0.0);
        assertEquals(LogMelL1.distance(a, b), LogMelL1.distance(b, a), 1e-12);
        assertEquals(Mcd.compute(a, b), Mcd.compute(b, a), 1e-12);
        assertTrue(Mcd.compute(a, b) > 0);
    }

    @Test
    void aGainChangeMovesOnlyTheEnergyTerm() {
        float[][] a = randomMel(3);
        float[][] louder = new float[a.length][a[0].length];
        for (int t = 0; t < a.length; t++) {
            for (int m = 0; m < a[t].length; m++) {
                louder[t][m] = a[t][m] + 0.75f;
            }
        }
        assertEquals(0.75, LogMelL1.distance(a, louder), 1e-6);
        assertEquals(0.0, Mcd.compute(a, louder), 1e-5, "a constant log offset lives in c0, which MCD excludes");
    }

    @Test
    void spectralConvergenceIsARelativeFrobeniusError() {
        double[][] target = {{3, 4}, {0, 0}};
        assertEquals(0.0, SpectralConvergence.compute(target, target), 0.0);
        assertEquals(1.0, SpectralConvergence.compute(target, new double[][] {{0, 0}, {0, 0}}), 1e-12);
        assertEquals(0.2, SpectralConvergence.compute(target, new double[][] {{3, 4}, {0, 1}}), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> SpectralConvergence.compute(new double[][] {{0}}, new double[][] {{1}}));
    }

    @Test
    void refusesMismatchedOrNonFiniteInput() {
        float[][] a = randomMel(4);
        float[][] shorter = Arrays.copyOf(a, a.length - 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogMelL1.distance(a, shorter)).getMessage()
                .contains("frame-aligned"));
        assertThrows(IllegalArgumentException.class, () -> Mcd.compute(new float[][] {new float[13]},
                new float[][] {new float[13]}));
        float[][] nan = randomMel(4);
        nan[2][7] = Float.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Mcd.compute(a, nan)).getMessage()
                .contains("frame 2 band 7"));
    }

    private static float[][] randomMel(int stream) {
        SplittableRandom random = new SplittableRandom(SEED + stream);
        float[][] out = new float[6][80];
        for (float[] row : out) {
            for (int m = 0; m < row.length; m++) {
                row[m] = (float) random.nextDouble(-8, 2);
            }
        }
        return out;
    }
}
