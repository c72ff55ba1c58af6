package org.bcistream.models.diffusion;

/**
 * A network that predicts, from a noisy sample x<sub>t</sub> at training timestep t, whatever its
 * {@link PredictionType} says (ε, x₀ or v). Samples are flat {@code float[]} arrays of
 * {@link #sampleShape()}{@code .size()} values; conditions (e.g. an iP-VAE latent vector) are
 * {@code float[]} arrays of {@link #conditionSize()} values.
 *
 * <p>Implementations write into the caller's {@code out} array, must not keep references to the arrays
 * passed in, and should not allocate per call. Time embeddings take the integer timestep as given;
 * rescaling it (t/T, continuous time) is the implementation's business and must match its training.
 * An implementation need not be thread-safe: each sampler owns its denoiser.
 */
public interface Denoiser {

    /** The shape of the samples this denoiser takes and returns. */
    SampleShape sampleShape();

    /** The length of the condition vector; 0 for an unconditional model. */
    int conditionSize();

    /**
     * The conditional prediction.
     *
     * @param x the noisy sample x<sub>t</sub>; not modified
     * @param timestep t in 0..T−1
     * @param condition the condition vector, {@link #conditionSize()} values (may be {@code null} when that
     *     is 0); not modified
     * @param out receives the prediction, {@code sampleShape().size()} values
     */
    void predict(float[] x, int timestep, float[] condition, float[] out);

    /**
     * The unconditional prediction for classifier-free guidance: what the model learned under condition
     * dropout, however it represents "no condition" (a zeroed context, a learned null embedding, …). Only
     * called when guidance is active.
     *
     * @param x the noisy sample x<sub>t</sub>; not modified
     * @param timestep t in 0..T−1
     * @param out receives the prediction, {@code sampleShape().size()} values
     */
    void predictUnconditional(float[] x, int timestep, float[] out);
}
