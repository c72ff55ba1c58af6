package org.bcistream.models.audio;

import java.util.Locale;

/** Shape checks shared by the spectrogram distances. */
final class MelShapes {
    private MelShapes() {}

    /** Checks that both are non-empty {@code [frames][bands]} arrays of the same shape with finite values. */
    static void requireSameShape(float[][] a, float[][] b) {
        if (a.length == 0 || a.length != b.length || a[0].length == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "spectrograms must be non-empty and have the same number of frames; got %d and %d"
                            + " (crop or pad them first: distances here are frame-aligned)", a.length, b.length));
        }
        int bands = a[0].length;
        for (int t = 0; t < a.length; t++) {
            if (a[t].length != bands || b[t].length != bands) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "frame %d has %d and %d bands; expected %d in both", t, a[t].length, b[t].length, bands));
            }
            for (int m = 0; m < bands; m++) {
                if (!Float.isFinite(a[t][m]) || !Float.isFinite(b[t][m])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "frame %d band %d is not finite (%s, %s)", t, m, a[t][m], b[t][m]));
                }
            }
        }
    }
}
