package org.bcistream.models.diffusion.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SiLU (swish) y = x·σ(x), element-wise, on arrays of any shape; dy/dx = σ(x)·(1 + x·(1 − σ(x))). Buffers
 * are allocated when the input shape changes and reused otherwise. Not thread-safe.
 */
final class Silu {
    private INDArray input;
    private INDArray sigmoid;
    private INDArray output;
    private INDArray gradInput;

    /** y for x; returns this layer's output buffer, shaped like x. */
    INDArray forward(INDArray x) {
        if (output == null || !output.equalShapes(x)) {
            sigmoid = Nd4j.create(x.dataType(), x.shape());
            output = Nd4j.create(x.dataType(), x.shape());
            gradInput = Nd4j.create(x.dataType(), x.shape());
        }
        input = x;
        Nd4j.exec(new Sigmoid(x, sigmoid));
        x.mul(sigmoid, output);
        return output;
    }

    /** dL/dx from dL/dy of the last {@link #forward}; returns this layer's buffer. */
    INDArray backward(INDArray gradOutput) {
        sigmoid.rsub(1.0, gradInput);
        gradInput.muli(input).addi(1.0).muli(sigmoid).muli(gradOutput);
        return gradInput;
    }
}
