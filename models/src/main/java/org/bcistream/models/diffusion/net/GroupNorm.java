package org.bcistream.models.diffusion.net;

import org.bcistream.models.diffusion.Checks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.floating.RSqrt;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Group normalisation (Wu and He 2018; PyTorch {@code nn.GroupNorm}) of [B, C, ...] arrays: the C channels
 * form G groups of C/G; each sample's group is standardised over its channels and positions with the biased
 * variance and ε = 1e-5, x̂ = (x − μ)/√(σ² + ε), then y = γ_c·x̂ + β_c with learned γ (starts at 1) and β
 * (starts at 0). Backward per group, with n elements: dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂))/√(σ² + ε),
 * dx̂ = γ·dy. Buffers follow the input array as in {@link Conv}. Not thread-safe.
 */
final class GroupNorm {
    static final double EPSILON = 1e-5;

    private final Param scale;
    private final Param shift;
    private final int channels;
    private final int groups;

    private INDArray boundInput;
    private INDArray input3;
    private INDArray inputGroups;
    private INDArray normalized;
    private INDArray normalized3;
    private INDArray normalizedGroups;
    private INDArray output;
    private INDArray output3;
    private INDArray mean;
    private INDArray inverseDeviation;
    private INDArray scratch3;
    private INDArray scratchGroups;
    private INDArray gradInput;
    private INDArray gradInput3;
    private INDArray gradInputGroups;
    private INDArray gradMean;
    private INDArray gradProjection;
    private INDArray boundGradOutput;
    private INDArray gradOutput3;

    GroupNorm(NetworkParameters params, String name, int channels, int groups) {
        if (groups < 1 || channels % groups != 0) {
            throw Checks.invalid("%s: %d channels cannot form %d equal groups", name, channels, groups);
        }
        this.channels = channels;
        this.groups = groups;
        this.scale = params.register(name + ".weight", Init.ONE, 1, channels);
        this.shift = params.register(name + ".bias", Init.ZERO, 1, channels);
    }

    /** y for x of shape [B, C, ...] (contiguous); returns this layer's output buffer, shaped like x. */
    INDArray forward(INDArray x) {
        if (x != boundInput) {
            bind(x);
        }
        inputGroups.mean(mean, 1);
        Nd4j.exec(new BroadcastSubOp(inputGroups, mean, normalizedGroups, 0));
        normalizedGroups.mul(normalizedGroups, scratchGroups);
        scratchGroups.mean(inverseDeviation, 1);
        inverseDeviation.addi(EPSILON);
        Nd4j.exec(new RSqrt(inverseDeviation, inverseDeviation));
        Nd4j.exec(new BroadcastMulOp(normalizedGroups, inverseDeviation, normalizedGroups, 0));
        Nd4j.exec(new BroadcastMulOp(normalized3, scale.value(), output3, 1));
        Nd4j.exec(new BroadcastAddOp(output3, shift.value(), output3, 1));
        return output;
    }

    /** Writes dL/dγ and dL/dβ from dL/dy of the last {@link #forward}; returns dL/dx (this layer's buffer). */
    INDArray backward(INDArray gradOutput) {
        if (gradOutput != boundGradOutput) {
            gradOutput3 = gradOutput.reshape(input3.shape());
            boundGradOutput = gradOutput;
        }
        gradOutput3.sum(shift.gradient(), 0, 2);
        gradOutput3.mul(normalized3, scratch3);
        scratch3.sum(scale.gradient(), 0, 2);
        Nd4j.exec(new BroadcastMulOp(gradOutput3, scale.value(), gradInput3, 1));
        gradInputGroups.mean(gradMean, 1);
        gradInputGroups.mul(normalizedGroups, scratchGroups);
        scratchGroups.mean(gradProjection, 1);
        Nd4j.exec(new BroadcastMulOp(normalizedGroups, gradProjection, scratchGroups, 0));
        gradInputGroups.subi(scratchGroups);
        Nd4j.exec(new BroadcastSubOp(gradInputGroups, gradMean, gradInputGroups, 0));
        Nd4j.exec(new BroadcastMulOp(gradInputGroups, inverseDeviation, gradInputGroups, 0));
        return gradInput;
    }

    private void bind(INDArray x) {
        long batch = x.size(0);
        long positions = x.length() / (batch * channels);
        long rows = batch * groups;
        long perGroup = channels / groups * positions;
        input3 = x.reshape(batch, channels, positions);
        inputGroups = x.reshape(rows, perGroup);
        normalized = Nd4j.create(x.dataType(), x.shape());
        normalized3 = normalized.reshape(batch, channels, positions);
        normalizedGroups = normalized.reshape(rows, perGroup);
        output = Nd4j.create(x.dataType(), x.shape());
        output3 = output.reshape(batch, channels, positions);
        mean = Nd4j.create(x.dataType(), rows);
        inverseDeviation = Nd4j.create(x.dataType(), rows);
        INDArray scratch = Nd4j.create(x.dataType(), x.shape());
        scratch3 = scratch.reshape(batch, channels, positions);
        scratchGroups = scratch.reshape(rows, perGroup);
        gradInput = Nd4j.create(x.dataType(), x.shape());
        gradInput3 = gradInput.reshape(batch, channels, positions);
        gradInputGroups = gradInput.reshape(rows, perGroup);
        gradMean = Nd4j.create(x.dataType(), rows);
        gradProjection = Nd4j.create(x.dataType(), rows);
        boundInput = x;
        boundGradOutput = null;
    }
}
