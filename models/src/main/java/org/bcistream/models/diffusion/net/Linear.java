package org.bcistream.models.diffusion.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer y = x·Wᵀ + b on [B, in] → [B, out], with W of shape [out, in] (PyTorch
 * {@code nn.Linear}). Output and input-gradient buffers are allocated on the first call with a batch size
 * and reused while it stays the same. Not thread-safe.
 */
final class Linear {
    private final Param weight;
    private final Param bias;
    private final int inputs;
    private final int outputs;
    private final boolean inputGradient;
    private INDArray input;
    private INDArray output;
    private INDArray gradInput;

    /**
     * @param inputGradient whether {@link #backward} must compute dL/dx (false for layers fed by data)
     * @param weightInit how W starts; the bias starts the same way (or at zero for {@link Init#ZERO})
     */
    Linear(NetworkParameters params, String name, int inputs, int outputs, Init weightInit, boolean inputGradient) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.inputGradient = inputGradient;
        this.weight = params.register(name + ".weight", weightInit, inputs, outputs, inputs);
        this.bias = params.register(name + ".bias", weightInit, inputs, outputs);
    }

    /** y for x of shape [B, in]; returns this layer's output buffer [B, out]. */
    INDArray forward(INDArray x) {
        long batch = x.size(0);
        if (output == null || output.size(0) != batch) {
            output = Nd4j.create(x.dataType(), batch, outputs);
            gradInput = inputGradient ? Nd4j.create(x.dataType(), batch, inputs) : null;
        }
        input = x;
        Nd4j.gemm(x, weight.value(), output, false, true, 1.0, 0.0);
        output.addiRowVector(bias.value());
        return output;
    }

    /**
     * Writes dL/dW and dL/db from dL/dy of the last {@link #forward}; returns dL/dx (this layer's buffer),
     * or {@code null} when the layer was built without input gradients.
     */
    INDArray backward(INDArray gradOutput) {
        Nd4j.gemm(gradOutput, input, weight.gradient(), true, false, 1.0, 0.0);
        gradOutput.sum(bias.gradient(), 0);
        if (!inputGradient) {
            return null;
        }
        Nd4j.gemm(gradOutput, weight.value(), gradInput, false, false, 1.0, 0.0);
        return gradInput;
    }

    /** Sets dL/dW and dL/db to zero (for a layer left out of a forward pass). */
    void zeroGradients() {
        weight.gradient().assign(0.0);
        bias.gradient().assign(0.0);
    }

    /** Multiply-accumulates of one sample's forward pass. */
    long multiplyAccumulates() {
        return (long) inputs * outputs;
    }
}
