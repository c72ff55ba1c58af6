package org.bcistream.models.audio;

/**
 * Mel-cepstral distortion between two log-mel spectrograms, in dB:
 *
 * <pre>
 * c_k(t)  = s_k sum_{n=0}^{N-1} logMel[t][n] cos(pi k (2n + 1) / (2N)),  s_0 = sqrt(1/N), s_k = sqrt(2/N)
 * MCD     = mean_t (10 / ln 10) sqrt(2 sum_{k=1}^{13} (c_k^a(t) - c_k^b(t))^2)
 * </pre>
 *
 * that is the orthonormal DCT-II of each frame (as {@code scipy.fft.dct(norm='ortho')} and librosa's MFCC),
 * {@value #COEFFICIENTS} coefficients excluding the energy term c0, and the usual constant
 * {@code 10 sqrt(2) / ln 10 = 6.142} (Kubichek 1993). Frames are compared one to one, without dynamic time
 * warping: crop or pad to a common length first. The cepstra come from the natural-log mel <i>magnitude</i>,
 * not from SPTK mel-generalised cepstra, so values are comparable within this project, not with published
 * MCDs. Non-finite values and mismatched shapes are refused.
 */
public final class Mcd {
    /** Cepstral coefficients compared, c1 .. c13. */
    public static final int COEFFICIENTS = 13;

    private static final double CONSTANT = 10.0 * Math.sqrt(2.0) / Math.log(10.0);

    private Mcd() {}

    /** Mean MCD over frames, in dB; needs at least 14 bands. */
    public static double compute(float[][] melA, float[][] melB) {
        MelShapes.requireSameShape(melA, melB);
        int bands = melA[0].length;
        if (bands <= COEFFICIENTS) {
            throw new IllegalArgumentException(
                    "mel-cepstral distortion needs more than " + COEFFICIENTS + " bands; got " + bands);
        }
        double[][] basis = new double[COEFFICIENTS][bands];
        for (int k = 1; k <= COEFFICIENTS; k++) {
            for (int n = 0; n < bands; n++) {
                basis[k - 1][n] = Math.sqrt(2.0 / bands) * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * bands));
            }
        }
        double sum = 0.0;
        for (int t = 0; t < melA.length; t++) {
            double squares = 0.0;
            for (double[] row : basis) {
                double d = 0.0;
                for (int n = 0; n < bands; n++) {
                    d += row[n] * ((double) melA[t][n] - melB[t][n]);
                }
                squares += d * d;
            }
            sum += CONSTANT * Math.sqrt(squares);
        }
        return sum / melA.length;
    }
}
