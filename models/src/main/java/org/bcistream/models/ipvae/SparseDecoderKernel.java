package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

import java.util.Arrays;

/**
 * {@link DecoderKernel} for sparse latents, on plain {@code double[]} loops. It rewrites
 * Φᵀ((x − Φz) ⊘ σ²) as d − Gz with the Gram matrix G = Φᵀ diag(1/σ²) Φ (K×K, computed once in the
 * constructor, O(M K²)) and the drive d = Φᵀ(x ⊘ σ²) (once per frame in {@link #loadFrames}, O(M K)).
 * {@link #backProject} and {@link #decode} then add one column of G or Φ per non-zero latent, scaled by
 * its value: O(nnz·K) and O(nnz·M), where nnz is the number of non-zero latents (spike counts of the
 * iP-VAE are mostly 0).
 *
 * <p>Every inner loop is {@code y[i] += a * x[i]} over whole arrays (one array per matrix row, results
 * accumulated in per-frame rows and copied out), the form the JIT vectorises; the same loop with
 * independent offsets into flat arrays runs about 4 times slower because aliasing cannot be ruled out.
 *
 * <p>Memory: Φ twice (by rows and by columns) and G, 8(2MK + K²) bytes (6 MiB for M = K = 512), plus
 * 2B(K + M) doubles of buffers. No allocation after construction. Not thread-safe. Rounding differs
 * from the dense form by a few ulps of the terms involved.
 */
public final class SparseDecoderKernel implements DecoderKernel {
    private final LinearDecoder decoder;
    private final int batch;
    private final int features;
    private final int latents;
    /** Row m of Φ: the weights of feature m over the latents. */
    private final double[][] phiRows;
    /** Row k is column k of Φ. */
    private final double[][] phiColumns;
    /** Row k of G = Φᵀ diag(1/σ²) Φ (symmetric, so also column k). */
    private final double[][] gramRows;
    private final double[] inverseVariance;
    /** d = Φᵀ(x ⊘ σ²) of each loaded frame. */
    private final double[][] drive;
    private final double[][] latentWork;
    private final double[][] featureWork;

    /**
     * @param decoder the decoder
     * @param batchSize frames per call B, {@code >= 1}
     */
    public SparseDecoderKernel(LinearDecoder decoder, int batchSize) {
        if (batchSize < 1) {
            throw invalid("batch size must be >= 1; got %d", batchSize);
        }
        this.decoder = decoder;
        this.batch = batchSize;
        this.features = decoder.featureCount();
        this.latents = decoder.latentCount();
        this.inverseVariance = decoder.inverseVariance();
        double[] phi = decoder.phiRowMajor();
        this.phiRows = new double[features][];
        this.phiColumns = new double[latents][features];
        for (int m = 0; m < features; m++) {
            phiRows[m] = Arrays.copyOfRange(phi, m * latents, (m + 1) * latents);
            for (int k = 0; k < latents; k++) {
                phiColumns[k][m] = phiRows[m][k];
            }
        }
        this.gramRows = new double[latents][latents];
        for (int m = 0; m < features; m++) {
            double[] row = phiRows[m];
            for (int i = 0; i < latents; i++) {
                double w = row[i] * inverseVariance[m];
                if (w != 0) {
                    axpy(w, row, gramRows[i]);
                }
            }
        }
        this.drive = new double[batch][latents];
        this.latentWork = new double[batch][latents];
        this.featureWork = new double[batch][features];
    }

    @Override
    public LinearDecoder decoder() {
        return decoder;
    }

    @Override
    public int batchSize() {
        return batch;
    }

    @Override
    public void loadFrames(double[] x) {
        Checks.length(x, batch * features, "frames");
        for (int b = 0; b < batch; b++) {
            double[] d = drive[b];
            Arrays.fill(d, 0);
            int frame = b * features;
            for (int m = 0; m < features; m++) {
                double w = x[frame + m] * inverseVariance[m];
                if (w != 0) {
                    axpy(w, phiRows[m], d);
                }
            }
        }
    }

    @Override
    public void backProject(double[] z, double[] g) {
        Checks.length(z, batch * latents, "latent values");
        Checks.length(g, batch * latents, "back-projection");
        for (int b = 0; b < batch; b++) {
            double[] work = latentWork[b];
            System.arraycopy(drive[b], 0, work, 0, latents);
            int row = b * latents;
            for (int k = 0; k < latents; k++) {
                double count = z[row + k];
                if (count != 0) {
                    axpy(-count, gramRows[k], work);
                }
            }
            System.arraycopy(work, 0, g, row, latents);
        }
    }

    @Override
    public void decode(double[] z, double[] xHat) {
        Checks.length(z, batch * latents, "latent values");
        Checks.length(xHat, batch * features, "reconstruction");
        for (int b = 0; b < batch; b++) {
            double[] work = featureWork[b];
            Arrays.fill(work, 0);
            int row = b * latents;
            for (int k = 0; k < latents; k++) {
                double count = z[row + k];
                if (count != 0) {
                    axpy(count, phiColumns[k], work);
                }
            }
            System.arraycopy(work, 0, xHat, b * features, features);
        }
    }

    /** y += a·x over all of y ({@code x.length == y.length}); same index on both sides so it vectorises. */
    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
