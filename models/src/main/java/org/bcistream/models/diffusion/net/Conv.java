package org.bcistream.models.diffusion.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution (PyTorch {@code nn.Conv2d}: cross-correlation, zero padding) on NCHW arrays
 * [B, in, H, W] → [B, out, H′, W′], H′ = (H + 2·pad − k)/stride + 1, with weights [out, in, kh, kw]; or a
 * 1-D one ({@code nn.Conv1d}, weights [out, in, k]) run as kh = 1 on [B, in, 1, W].
 *
 * <p>Computed as im2col (ND4J's {@code im2col} op, kept for the backward pass) followed by one BLAS GEMM per
 * sample: Y_b = W·cols_b + b, with W viewed as [out, in·kh·kw]. Backward: dW = Σ_b dY_b·cols_bᵀ,
 * db = Σ dY, dX = col2im(Wᵀ·dY_b). A 1×1, stride-1 convolution skips im2col. (ND4J's own {@code conv2d_bp}
 * measured about 5× slower than this on the project machine.) Buffers and op descriptors are built for the
 * first input array seen and rebuilt only when another array arrives. Not thread-safe.
 */
final class Conv {
    private final Param weight;
    private final Param bias;
    private final int inputs;
    private final int outputs;
    private final int kernelHeight;
    private final int kernelWidth;
    private final int stride;
    private final int padHeight;
    private final int padWidth;
    private final boolean pointwise;
    private final boolean inputGradient;

    private INDArray weightMatrix;
    private INDArray weightGradMatrix;
    private INDArray boundInput;
    private int outHeight;
    private int outWidth;
    private INDArray output;
    private INDArray output3;
    private INDArray[] outputSlices;
    private INDArray[] columnSlices;
    private DynamicCustomOp im2col;
    private INDArray gradInput;
    private INDArray[] gradColumnSlices;
    private DynamicCustomOp col2im;
    private INDArray boundGradOutput;
    private INDArray gradOutput3;
    private INDArray[] gradOutputSlices;

    private Conv(NetworkParameters params, String name, int inputs, int outputs, int kernelHeight, int kernelWidth,
            int stride, Init weightInit, boolean inputGradient, int[] weightShape) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.kernelHeight = kernelHeight;
        this.kernelWidth = kernelWidth;
        this.stride = stride;
        this.padHeight = kernelHeight / 2;
        this.padWidth = kernelWidth / 2;
        this.pointwise = kernelHeight == 1 && kernelWidth == 1 && stride == 1;
        this.inputGradient = inputGradient;
        int fanIn = inputs * kernelHeight * kernelWidth;
        this.weight = params.register(name + ".weight", weightInit, fanIn, weightShape);
        this.bias = params.register(name + ".bias", weightInit, fanIn, outputs);
    }

    /** A k×k 2-D convolution with "same" padding k/2 (k odd) and the given stride. */
    static Conv twoD(NetworkParameters params, String name, int inputs, int outputs, int kernel, int stride,
            Init weightInit, boolean inputGradient) {
        return new Conv(params, name, inputs, outputs, kernel, kernel, stride, weightInit, inputGradient,
                new int[] {outputs, inputs, kernel, kernel});
    }

    /** A 1-D convolution of odd width k with "same" padding k/2 and stride 1, on [B, in, 1, W]. */
    static Conv oneD(NetworkParameters params, String name, int inputs, int outputs, int kernel, Init weightInit,
            boolean inputGradient) {
        return new Conv(params, name, inputs, outputs, 1, kernel, 1, weightInit, inputGradient,
                new int[] {outputs, inputs, kernel});
    }

    /** Y for X of shape [B, in, H, W] (contiguous); returns this layer's output buffer [B, out, H′, W′]. */
    INDArray forward(INDArray x) {
        if (x != boundInput) {
            bind(x);
        }
        if (weightMatrix == null) {
            long columns = (long) inputs * kernelHeight * kernelWidth;
            weightMatrix = weight.value().reshape(outputs, columns);
            weightGradMatrix = weight.gradient().reshape(outputs, columns);
        }
        if (im2col != null) {
            Nd4j.exec(im2col);
        }
        for (int b = 0; b < outputSlices.length; b++) {
            Nd4j.gemm(weightMatrix, columnSlices[b], outputSlices[b], false, false, 1.0, 0.0);
        }
        Nd4j.exec(new BroadcastAddOp(output3, bias.value(), output3, 1));
        return output;
    }

    /** Writes dL/dW and dL/db from dL/dY of the last {@link #forward}; returns dL/dX or {@code null}. */
    INDArray backward(INDArray gradOutput) {
        if (gradOutput != boundGradOutput) {
            bindGradOutput(gradOutput);
        }
        for (int b = 0; b < gradOutputSlices.length; b++) {
            Nd4j.gemm(gradOutputSlices[b], columnSlices[b], weightGradMatrix, false, true, 1.0, b == 0 ? 0.0 : 1.0);
        }
        gradOutput3.sum(bias.gradient(), 0, 2);
        if (!inputGradient) {
            return null;
        }
        for (int b = 0; b < gradOutputSlices.length; b++) {
            Nd4j.gemm(weightMatrix, gradOutputSlices[b], gradColumnSlices[b], true, false, 1.0, 0.0);
        }
        if (col2im != null) {
            Nd4j.exec(col2im);
        }
        return gradInput;
    }

    /** Multiply-accumulates of one sample's forward pass at input height × width. */
    long multiplyAccumulates(int height, int width) {
        long outH = (height + 2L * padHeight - kernelHeight) / stride + 1;
        long outW = (width + 2L * padWidth - kernelWidth) / stride + 1;
        return outH * outW * outputs * inputs * kernelHeight * kernelWidth;
    }

    private void bind(INDArray x) {
        int batch = (int) x.size(0);
        int height = (int) x.size(2);
        int width = (int) x.size(3);
        outHeight = (height + 2 * padHeight - kernelHeight) / stride + 1;
        outWidth = (width + 2 * padWidth - kernelWidth) / stride + 1;
        int columns = inputs * kernelHeight * kernelWidth;
        int pixels = outHeight * outWidth;
        output = Nd4j.create(x.dataType(), batch, outputs, outHeight, outWidth);
        output3 = output.reshape(batch, outputs, pixels);
        outputSlices = slices(output3, batch);
        INDArray columns3;
        if (pointwise) {
            columns3 = x.reshape(batch, inputs, pixels);
            im2col = null;
        } else {
            INDArray cols = Nd4j.create(x.dataType(), batch, inputs, kernelHeight, kernelWidth, outHeight, outWidth);
            columns3 = cols.reshape(batch, columns, pixels);
            im2col = DynamicCustomOp.builder("im2col").addInputs(x).addOutputs(cols)
                    .addIntegerArguments(kernelHeight, kernelWidth, stride, stride, padHeight, padWidth, 1, 1, 0)
                    .addFloatingPointArguments(0.0).build();
        }
        columnSlices = slices(columns3, batch);
        if (inputGradient) {
            gradInput = Nd4j.create(x.dataType(), batch, inputs, height, width);
            if (pointwise) {
                gradColumnSlices = slices(gradInput.reshape(batch, inputs, pixels), batch);
                col2im = null;
            } else {
                INDArray gradCols = Nd4j.create(x.dataType(), batch, inputs, kernelHeight, kernelWidth, outHeight,
                        outWidth);
                gradColumnSlices = slices(gradCols.reshape(batch, columns, pixels), batch);
                col2im = DynamicCustomOp.builder("col2im").addInputs(gradCols).addOutputs(gradInput)
                        .addIntegerArguments(stride, stride, padHeight, padWidth, height, width, 1, 1, 0).build();
            }
        }
        boundInput = x;
        boundGradOutput = null;
    }

    private void bindGradOutput(INDArray gradOutput) {
        int batch = outputSlices.length;
        gradOutput3 = gradOutput.reshape(batch, outputs, outHeight * outWidth);
        gradOutputSlices = slices(gradOutput3, batch);
        boundGradOutput = gradOutput;
    }

    private static INDArray[] slices(INDArray array3, int batch) {
        INDArray[] slices = new INDArray[batch];
        for (int b = 0; b < batch; b++) {
            slices[b] = array3.slice(b);
        }
        return slices;
    }
}
