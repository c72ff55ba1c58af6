package org.bcistream.models.ipvae;

/**
 * The linear algebra of one inference update for a batch of B frames, against one {@link LinearDecoder}
 * (Φ, σ). All arrays are row-major: frames B×M, latents B×K, reconstructions B×M.
 *
 * <p>Two implementations compute the same numbers: {@link SparseDecoderKernel} (plain arrays, precomputed
 * Gram matrix, work proportional to the non-zero latents) and {@link Nd4jDecoderKernel} (dense ND4J
 * matrix products, the reference). An instance owns work buffers: not thread-safe, one per thread or
 * operator.
 */
public interface DecoderKernel {

    /** The decoder this kernel computes with. */
    LinearDecoder decoder();

    /** Number of frames B processed per call. */
    int batchSize();

    /** Loads B frames (B×M) and does the per-frame work; later calls use them until the next load. */
    void loadFrames(double[] x);

    /**
     * The back-projected, precision-weighted prediction error g = Φᵀ((x − Φz) ⊘ σ²) of every loaded frame
     * for latent values z (B×K); writes g (B×K).
     */
    void backProject(double[] z, double[] g);

    /** The reconstruction x̂ = Φz for latent values z (B×K); writes x̂ (B×M). */
    void decode(double[] z, double[] xHat);
}
