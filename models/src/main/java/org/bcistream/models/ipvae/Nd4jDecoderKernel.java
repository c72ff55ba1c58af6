package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link DecoderKernel} as dense float64 ND4J matrix products, exactly the reference code's formula: per
 * call E = (X − Z Φᵀ) ⊘ σ² and G = E Φ (two GEMMs of B×M×K), and X̂ = Z Φᵀ. The reference for
 * {@link SparseDecoderKernel}, and the faster choice for large batches or dense latents (Gaussian variants).
 *
 * <p>Work arrays are allocated once, off-heap, in the constructor; each call copies the Java arrays in and
 * out and runs in-place ND4J ops (the JNI calls still create small op objects). Not thread-safe.
 */
public final class Nd4jDecoderKernel implements DecoderKernel {
    private final LinearDecoder decoder;
    private final int batch;
    private final int features;
    private final int latents;
    private final INDArray phi;
    private final INDArray inverseVariance;
    private final INDArray frames;
    private final INDArray latentValues;
    private final INDArray error;
    private final INDArray projection;
    private final INDArray reconstruction;

    /**
     * @param decoder the decoder
     * @param batchSize frames per call B, {@code >= 1}
     */
    public Nd4jDecoderKernel(LinearDecoder decoder, int batchSize) {
        if (batchSize < 1) {
            throw invalid("batch size must be >= 1; got %d", batchSize);
        }
        this.decoder = decoder;
        this.batch = batchSize;
        this.features = decoder.featureCount();
        this.latents = decoder.latentCount();
        this.phi = Nd4j.create(decoder.phiRowMajor(), new long[] {features, latents}, DataType.DOUBLE);
        this.inverseVariance = Nd4j.create(decoder.inverseVariance(), new long[] {1, features}, DataType.DOUBLE);
        this.frames = Nd4j.create(DataType.DOUBLE, batch, features);
        this.latentValues = Nd4j.create(DataType.DOUBLE, batch, latents);
        this.error = Nd4j.create(DataType.DOUBLE, batch, features);
        this.projection = Nd4j.create(DataType.DOUBLE, batch, latents);
        this.reconstruction = Nd4j.create(DataType.DOUBLE, batch, features);
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
        frames.data().asNioDouble().put(x);
    }

    @Override
    public void backProject(double[] z, double[] g) {
        Checks.length(z, batch * latents, "latent values");
        Checks.length(g, batch * latents, "back-projection");
        latentValues.data().asNioDouble().put(z);
        error.assign(frames);
        Nd4j.gemm(latentValues, phi, error, false, true, -1.0, 1.0);
        error.muliRowVector(inverseVariance);
        Nd4j.gemm(error, phi, projection, false, false, 1.0, 0.0);
        projection.data().asNioDouble().get(g, 0, batch * latents);
    }

    @Override
    public void decode(double[] z, double[] xHat) {
        Checks.length(z, batch * latents, "latent values");
        Checks.length(xHat, batch * features, "reconstruction");
        latentValues.data().asNioDouble().put(z);
        Nd4j.gemm(latentValues, phi, reconstruction, false, true, 1.0, 0.0);
        reconstruction.data().asNioDouble().get(xHat, 0, batch * features);
    }
}
