package org.bcistream.models.audio;

import java.util.Locale;

/**
 * Spectral convergence of a reconstruction, the usual Griffin-Lim figure of merit:
 * {@code ||S - S'||_F / ||S||_F} over all frames and bins of two linear magnitude spectrograms
 * (dimensionless; 0 is a perfect match, 1 is as far as silence). Shapes must match; a silent target is
 * refused because the ratio is undefined.
 */
public final class SpectralConvergence {
    private SpectralConvergence() {}

    /** The convergence of {@code estimate} towards {@code target}, both {@code [frames][bins]}. */
    public static double compute(double[][] target, double[][] estimate) {
        if (target.length != estimate.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "target has %d frames, estimate %d", target.length, estimate.length));
        }
        double diff = 0.0;
        double norm = 0.0;
        for (int t = 0; t < target.length; t++) {
            if (target[t].length != estimate[t].length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "frame %d: target has %d bins, estimate %d", t, target[t].length, estimate[t].length));
            }
            for (int k = 0; k < target[t].length; k++) {
                double d = target[t][k] - estimate[t][k];
                diff += d * d;
                norm += target[t][k] * target[t][k];
            }
        }
        if (!(norm > 0)) {
            throw new IllegalArgumentException("the target spectrogram is silent; spectral convergence is undefined");
        }
        return Math.sqrt(diff / norm);
    }
}
