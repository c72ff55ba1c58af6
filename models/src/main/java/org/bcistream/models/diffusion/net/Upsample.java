package org.bcistream.models.diffusion.net;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest-neighbour ×2 upsampling of [B, C, H, W] to [B, C, 2H, 2W] (PyTorch
 * {@code F.interpolate(scale_factor=2, mode="nearest")}): out[.., 2i+a, 2j+b] = in[.., i, j] for a, b in
 * {0, 1}, written through four stride-2 views; the gradient is the sum of the same four views. No
 * parameters. Not thread-safe.
 */
final class Upsample {
    private INDArray boundInput;
    private INDArray output;
    private INDArray[] outputPhases;
    private INDArray gradInput;
    private INDArray boundGradOutput;
    private INDArray[] gradPhases;

    /** The upsampled x; returns this layer's output buffer. */
    INDArray forward(INDArray x) {
        if (x != boundInput) {
            output = Nd4j.create(x.dataType(), x.size(0), x.size(1), 2 * x.size(2), 2 * x.size(3));
            outputPhases = phases(output);
            gradInput = Nd4j.create(x.dataType(), x.shape());
            boundInput = x;
            boundGradOutput = null;
        }
        for (INDArray phase : outputPhases) {
            phase.assign(x);
        }
        return output;
    }

    /** dL/dx from dL/dy; returns this layer's buffer. */
    INDArray backward(INDArray gradOutput) {
        if (gradOutput != boundGradOutput) {
            gradPhases = phases(gradOutput);
            boundGradOutput = gradOutput;
        }
        gradInput.assign(gradPhases[0]);
        for (int i = 1; i < gradPhases.length; i++) {
            gradInput.addi(gradPhases[i]);
        }
        return gradInput;
    }

    private static INDArray[] phases(INDArray large) {
        long height = large.size(2);
        long width = large.size(3);
        INDArray[] phases = new INDArray[4];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                phases[2 * a + b] = large.get(all(), all(), interval(a, 2, height), interval(b, 2, width));
            }
        }
        return phases;
    }
}
