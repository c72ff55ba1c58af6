package org.bcistream.models.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the centred STFT that hold for any signal. */
class StftTest {
    private static final long SEED = 3L;

    @Test
    void aCosineOnABinPeaksThereWithAQuarterOfNfft() {
        Stft stft = new Stft(64, 16);
        double[] x = new double[256];
        for (int n = 0; n < x.length; n++) {
            x[n] = Math.cos(2 * Math.PI * 5 * n / 64.0);
        }
        double[][] mag = Stft.magnitude(stft.forward(x));
        assertEquals(17, mag.length);
        double[] middle = mag[8];
        assertEquals(64 / 4.0, middle[5], 1e-9, "periodic Hann sums to nFft/2, a real cosine splits it in two");
        assertEquals(64 / 8.0, middle[4], 1e-9, "Hann leaks half of the peak into each neighbour");
        assertEquals(0.0, middle[10], 1e-9);
    }

    @Test
    void inverseUndoesForwardForNoiseAtAnyLength() {
        SplittableRandom random = new SplittableRandom(SEED);
        Stft stft = new Stft(32, 8);
        for (int length : new int[] {17, 100, 257}) {
            double[] x = random.doubles(length, -1, 1).toArray();
            double[] y = stft.inverse(stft.forward(x), length);
            for (int i = 0; i < length; i++) {
                assertEquals(x[i], y[i], 1e-12, "length " + length + " sample " + i);
            }
        }
    }

    @Test
    void refusesShortSignalsAndMismatchedFrames() {
        Stft stft = new Stft(32, 8);
        assertThrows(IllegalArgumentException.class, () -> stft.forward(new double[16]));
        assertThrows(IllegalArgumentException.class, () -> stft.inverse(new double[3][34], 100));
        assertThrows(IllegalArgumentException.class, () -> new Stft(31, 8));
        assertThrows(IllegalArgumentException.class, () -> new Stft(32, 17));
        assertEquals(13, stft.frameCount(100));
    }
}
