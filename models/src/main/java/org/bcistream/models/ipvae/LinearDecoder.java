package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

import java.util.Arrays;
import java.util.Locale;

/**
 * The generative side shared by the iterative VAEs: x | z ~ N(Φ z, diag(σ²)) with a plain dictionary
 * Φ ∈ R<sup>M×K</sup> (no bias, columns not normalised) and a learned per-feature standard deviation
 * σ<sub>m</sub> = exp(3.45·tanh(s<sub>m</sub>/3.45)), where s is the stored {@code logSigma} (spec ipvae.md
 * §1.1). The tanh keeps σ² between about 0.001 and 1000; s = 0 gives σ = 1.
 *
 * <p>Immutable; arrays are copied in and out. Invariants: M, K &ge; 1; every entry of Φ and s finite.
 * Units are those of the feature frames x (σ has the units of x).
 */
public final class LinearDecoder implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The bound of the tanh soft clamp on log σ. */
    public static final double LOG_SIGMA_BOUND = 3.45;

    private final int features;
    private final int latents;
    private final double[] phi;
    private final double[] logSigma;
    private final double[] inverseVariance;

    private LinearDecoder(int features, int latents, double[] phi, double[] logSigma) {
        this.features = features;
        this.latents = latents;
        this.phi = phi;
        this.logSigma = logSigma;
        this.inverseVariance = new double[features];
        for (int m = 0; m < features; m++) {
            inverseVariance[m] = Math.exp(-2 * clampedLogSigma(logSigma[m]));
        }
    }

    /**
     * A decoder from Φ given as M rows of K columns and the raw per-feature log σ (before the tanh clamp).
     *
     * @throws InvalidIpvaeException for a ragged or empty Φ, a log σ of the wrong length, or a non-finite value
     */
    public static LinearDecoder of(double[][] phi, double[] logSigma) {
        if (phi == null || phi.length == 0 || phi[0] == null || phi[0].length == 0) {
            throw invalid("decoder matrix Phi must have at least one row and one column");
        }
        int features = phi.length;
        int latents = phi[0].length;
        double[] flat = new double[features * latents];
        for (int m = 0; m < features; m++) {
            if (phi[m] == null || phi[m].length != latents) {
                throw invalid("decoder matrix Phi row %d has %s columns; row 0 has %d", m,
                        phi[m] == null ? "no" : String.valueOf(phi[m].length), latents);
            }
            for (int k = 0; k < latents; k++) {
                double v = phi[m][k];
                if (!Double.isFinite(v)) {
                    throw invalid("decoder matrix Phi[%d][%d] is %s, not a finite number", m, k, v);
                }
                flat[m * latents + k] = v;
            }
        }
        return new LinearDecoder(features, latents, flat, Checks.finiteCopy(logSigma, features, "decoder log sigma"));
    }

    /** A decoder with σ ≡ 1 (log σ = 0), the paper's ½‖x − Φz‖². */
    public static LinearDecoder withUnitSigma(double[][] phi) {
        return of(phi, new double[phi == null ? 0 : phi.length]);
    }

    /** Number of features M (the length of a frame x). */
    public int featureCount() {
        return features;
    }

    /** Number of latents K. */
    public int latentCount() {
        return latents;
    }

    /** Φ[m][k]. */
    public double phi(int m, int k) {
        return phi[m * latents + k];
    }

    /** A copy of Φ as M rows of K columns. */
    public double[][] phi() {
        double[][] rows = new double[features][];
        for (int m = 0; m < features; m++) {
            rows[m] = Arrays.copyOfRange(phi, m * latents, (m + 1) * latents);
        }
        return rows;
    }

    /** A copy of the raw log σ, before the tanh clamp. */
    public double[] logSigma() {
        return logSigma.clone();
    }

    /** σ<sub>m</sub> = exp(3.45·tanh(s<sub>m</sub>/3.45)). */
    public double sigma(int m) {
        return Math.exp(clampedLogSigma(logSigma[m]));
    }

    /** True when every σ is exactly 1 (all log σ are 0). */
    public boolean hasUnitSigma() {
        for (double s : logSigma) {
            if (s != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same decoder with every column of Φ scaled to unit Euclidean norm (as LCA dictionaries are);
     * σ is kept.
     *
     * @throws InvalidIpvaeException if a column is all zeros
     */
    public LinearDecoder withUnitNormColumns() {
        double[] scaled = phi.clone();
        for (int k = 0; k < latents; k++) {
            double sumSquares = 0;
            for (int m = 0; m < features; m++) {
                sumSquares += phi[m * latents + k] * phi[m * latents + k];
            }
            if (sumSquares == 0) {
                throw invalid("decoder column %d is all zeros and cannot be normalised", k);
            }
            double norm = Math.sqrt(sumSquares);
            for (int m = 0; m < features; m++) {
                scaled[m * latents + k] /= norm;
            }
        }
        return new LinearDecoder(features, latents, scaled, logSigma);
    }

    /** σ's log after the soft clamp: 3.45·tanh(s/3.45). */
    static double clampedLogSigma(double s) {
        return LOG_SIGMA_BOUND * Math.tanh(s / LOG_SIGMA_BOUND);
    }

    /** Φ row-major (M×K), the live array. */
    double[] phiRowMajor() {
        return phi;
    }

    /** 1/σ² per feature, the live array. */
    double[] inverseVariance() {
        return inverseVariance;
    }

    long fingerprint(long hash) {
        return Checks.fold(Checks.fold(Checks.fold(hash, latents), phi), logSigma);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearDecoder other
                && latents == other.latents
                && Arrays.equals(phi, other.phi)
                && Arrays.equals(logSigma, other.logSigma);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(phi) + Arrays.hashCode(logSigma);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LinearDecoder[M=%d, K=%d]", features, latents);
    }
}
