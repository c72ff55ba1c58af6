package org.bcistream.models.audio;

/**
 * Log-mel L1 distance: the mean over frames and bands of {@code |a - b|}, for two log-mel spectrograms
 * of the same shape ({@code [frames][nMels]}, natural log as {@link MelSpectrogram} makes them). Units:
 * nepers of mel magnitude; 0 for identical inputs. Frame-aligned (no time warping): crop or pad to a
 * common length first. Non-finite values and mismatched shapes are refused.
 */
public final class LogMelL1 {
    private LogMelL1() {}

    /** The mean absolute difference of {@code a} and {@code b}, computed in {@code double}. */
    public static double distance(float[][] a, float[][] b) {
        MelShapes.requireSameShape(a, b);
        double sum = 0.0;
        for (int t = 0; t < a.length; t++) {
            for (int m = 0; m < a[t].length; m++) {
                sum += Math.abs((double) a[t][m] - b[t][m]);
            }
        }
        return sum / ((double) a.length * a[0].length);
    }
}
