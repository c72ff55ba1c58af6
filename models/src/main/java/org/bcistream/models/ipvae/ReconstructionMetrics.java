package org.bcistream.models.ipvae;

/**
 * Per-frame reconstruction metrics as the reference code defines them (spec ipvae.md §4.1, §5.1). The
 * array forms read {@code length} values from each array starting at the given offsets, so they work on
 * one row of a row-major batch. Stateless.
 */
public final class ReconstructionMetrics {

    /** float32 machine epsilon, 2<sup>-23</sup>: the reference's guard in the R² denominator. */
    public static final double FLOAT32_EPS = 0x1.0p-23;

    /** ½ ln(2π), the per-feature constant of the Gaussian negative log-likelihood. */
    public static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private ReconstructionMetrics() {}

    /**
     * R² = 1 − Σ(x − x̂)² / (Σ(x − mean(x))² + 2<sup>-23</sup>), with the mean over this frame's features.
     * A constant frame gives 1 − SSE/2<sup>-23</sup>, a large negative number unless x̂ = x.
     */
    public static double r2(double[] x, double[] xHat) {
        Checks.length(xHat, x.length, "reconstruction");
        return r2(x, 0, xHat, 0, x.length);
    }

    /** {@link #r2(double[], double[])} of {@code x[xOffset..+length)} against {@code xHat[xHatOffset..+length)}. */
    public static double r2(double[] x, int xOffset, double[] xHat, int xHatOffset, int length) {
        double mean = 0;
        for (int m = 0; m < length; m++) {
            mean += x[xOffset + m];
        }
        mean /= length;
        double residual = 0;
        double total = 0;
        for (int m = 0; m < length; m++) {
            double v = x[xOffset + m];
            double e = v - xHat[xHatOffset + m];
            residual += e * e;
            total += (v - mean) * (v - mean);
        }
        return 1 - residual / (total + FLOAT32_EPS);
    }

    /**
     * Σ<sub>m</sub> −log N(x<sub>m</sub>; x̂<sub>m</sub>, σ<sub>m</sub>) = Σ (x − x̂)²/(2σ²) + ln σ + ½ ln 2π,
     * nats, with σ from the decoder.
     */
    public static double gaussianNll(double[] x, double[] xHat, LinearDecoder decoder) {
        int features = decoder.featureCount();
        Checks.length(x, features, "frame");
        Checks.length(xHat, features, "reconstruction");
        return weightedSquaredError(x, 0, xHat, 0, decoder.inverseVariance()) / 2 + logNormaliser(decoder);
    }

    /** Σ (x − x̂)²/σ² over one row. */
    static double weightedSquaredError(double[] x, int xOffset, double[] xHat, int xHatOffset,
            double[] inverseVariance) {
        double sum = 0;
        for (int m = 0; m < inverseVariance.length; m++) {
            double e = x[xOffset + m] - xHat[xHatOffset + m];
            sum += e * e * inverseVariance[m];
        }
        return sum;
    }

    /** Σ<sub>m</sub> (ln σ<sub>m</sub> + ½ ln 2π): the part of the NLL that does not depend on the frame. */
    static double logNormaliser(LinearDecoder decoder) {
        double sum = 0;
        for (double s : decoder.logSigma()) {
            sum += LinearDecoder.clampedLogSigma(s) + HALF_LOG_TWO_PI;
        }
        return sum;
    }
}
