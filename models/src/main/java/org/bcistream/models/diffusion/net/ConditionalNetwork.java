package org.bcistream.models.diffusion.net;

import java.util.Map;
import org.bcistream.models.diffusion.SampleShape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A conditional diffusion denoiser network with a batched forward and backward pass, for training and
 * batched inference; {@link NetworkDenoiser} adapts it to the sampler's batch-1
 * {@link org.bcistream.models.diffusion.Denoiser}. Its output is whatever it was trained to predict (the
 * trainers of this project use v-prediction).
 *
 * <p>Arrays are ND4J arrays of {@code parameters().dataType()}: samples are rows of
 * {@code sampleShape().size()} values (row-major, as {@link SampleShape} says), conditions rows of
 * {@link #conditionSize()} values, and clean context rows of {@link #contextSize()} values. Returned arrays
 * are the network's own buffers, overwritten by the next call; buffers are allocated for a batch size on
 * first use and reused while it does not change. Not thread-safe.
 */
public sealed interface ConditionalNetwork permits ImageUNet, SpeechNet {

    /** The shape of one sample. */
    SampleShape sampleShape();

    /** C, the length of the condition vector, {@code >= 1}. */
    int conditionSize();

    /** Values of clean context per sample (previous frames of a stream); 0 if the network takes none. */
    int contextSize();

    /** The trainable tensors. */
    NetworkParameters parameters();

    /** Multiply-accumulates of one sample's forward pass (convolutions and linear layers). */
    long multiplyAccumulates();

    /**
     * The prediction for a batch of B samples.
     *
     * @param noisy [B, sampleSize]: x<sub>t</sub>
     * @param timesteps B timesteps t in 0..T−1
     * @param conditions [B, C]; rows where {@code keepCondition} is false are ignored
     * @param keepCondition B flags; false replaces the sample's condition with the learned null condition
     *     (classifier-free guidance)
     * @param context [B, contextSize] clean context, or {@code null} when {@link #contextSize()} is 0
     * @return [B, sampleSize], this network's buffer
     * @throws IllegalArgumentException if a shape or length does not match
     */
    INDArray forward(INDArray noisy, int[] timesteps, INDArray conditions, boolean[] keepCondition, INDArray context);

    /**
     * Overwrites every parameter gradient with dL/dθ, given dL/d(output) [B, sampleSize] for the inputs of
     * the last {@link #forward}.
     */
    void backward(INDArray gradOutput);

    /** A float32 copy of every weight by name (see {@link NetworkParameters#weights()}). */
    default Map<String, float[]> weights() {
        return parameters().weights();
    }

    /** Every weight's shape by name (see {@link NetworkParameters#shapes()}). */
    default Map<String, int[]> shapes() {
        return parameters().shapes();
    }
}
