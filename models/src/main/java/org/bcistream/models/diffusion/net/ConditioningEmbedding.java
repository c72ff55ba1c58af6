package org.bcistream.models.diffusion.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-sample embedding that drives every block's FiLM (spec ddim.md C.1, C.5): with d sinusoidal
 * values ({@link TimestepEmbedding}) and E = 4·d,
 *
 * <pre>
 *   time      = Linear(E, E)(SiLU(Linear(d, E)(sinusoid(t))))          diffusers TimestepEmbedding
 *   condition = Linear(E, E)(SiLU(Linear(C, E)(c)))   if the condition is kept
 *             = null                                   if it is dropped (a learned E-vector, starts at 0)
 *   e         = SiLU(time + condition)                                  [B, E], input of every film layer
 * </pre>
 *
 * The learned null embedding, not a zero condition vector, is the "no condition" of classifier-free
 * guidance, so no real condition (e.g. all-zero iP-VAE rates) can be mistaken for it. Not thread-safe.
 */
final class ConditioningEmbedding {
    private final int sinusoidSize;
    private final int embeddingSize;
    private final Linear time1;
    private final Silu timeAct = new Silu();
    private final Linear time2;
    private final Linear condition1;
    private final Silu conditionAct = new Silu();
    private final Linear condition2;
    private final Param nullEmbedding;
    private final Silu outputAct = new Silu();

    private float[] sinusoidValues;
    private INDArray sinusoid;
    private INDArray keepMask;
    private INDArray dropMask;
    private INDArray sum;
    private INDArray scratch;
    private boolean anyKept;

    /**
     * @param sinusoidSize d, even
     * @param conditionSize C, {@code >= 1}
     */
    ConditioningEmbedding(NetworkParameters params, int sinusoidSize, int conditionSize) {
        this.sinusoidSize = sinusoidSize;
        this.embeddingSize = 4 * sinusoidSize;
        this.time1 = new Linear(params, "time_embedding.linear_1", sinusoidSize, embeddingSize, Init.FAN_IN_UNIFORM,
                false);
        this.time2 = new Linear(params, "time_embedding.linear_2", embeddingSize, embeddingSize,
                Init.FAN_IN_UNIFORM, true);
        this.condition1 = new Linear(params, "condition_embedding.linear_1", conditionSize, embeddingSize,
                Init.FAN_IN_UNIFORM, false);
        this.condition2 = new Linear(params, "condition_embedding.linear_2", embeddingSize, embeddingSize,
                Init.FAN_IN_UNIFORM, true);
        this.nullEmbedding = params.register("condition_embedding.null", Init.ZERO, 1, embeddingSize);
    }

    /** E, the width of the output. */
    int size() {
        return embeddingSize;
    }

    /**
     * e for a batch.
     *
     * @param timesteps B timesteps in 0..T−1
     * @param conditions [B, C]; rows of dropped samples are ignored
     * @param keep B flags: whether each sample's condition is used (false: the null embedding)
     * @return this module's output buffer [B, E]
     */
    INDArray forward(int[] timesteps, INDArray conditions, boolean[] keep) {
        int batch = timesteps.length;
        if (sum == null || sum.size(0) != batch) {
            allocate(batch, conditions.dataType());
        }
        for (int b = 0; b < batch; b++) {
            TimestepEmbedding.fill(timesteps[b], sinusoidSize, sinusoidValues, b * sinusoidSize);
        }
        Transfer.copyIn(sinusoidValues, 0, sinusoid);
        anyKept = false;
        for (int b = 0; b < batch; b++) {
            keepMask.putScalar(b, keep[b] ? 1.0 : 0.0);
            dropMask.putScalar(b, keep[b] ? 0.0 : 1.0);
            anyKept |= keep[b];
        }
        INDArray time = time2.forward(timeAct.forward(time1.forward(sinusoid)));
        sum.assign(0.0);
        Nd4j.exec(new BroadcastAddOp(sum, nullEmbedding.value(), sum, 1));
        Nd4j.exec(new BroadcastMulOp(sum, dropMask, sum, 0));
        if (anyKept) {
            INDArray condition = condition2.forward(conditionAct.forward(condition1.forward(conditions)));
            Nd4j.exec(new BroadcastMulOp(condition, keepMask, scratch, 0));
            sum.addi(scratch);
        }
        sum.addi(time);
        return outputAct.forward(sum);
    }

    /** Writes this module's parameter gradients from dL/de of the last {@link #forward}. */
    void backward(INDArray gradOutput) {
        INDArray gradSum = outputAct.backward(gradOutput);
        time1.backward(timeAct.backward(time2.backward(gradSum)));
        Nd4j.exec(new BroadcastMulOp(gradSum, dropMask, scratch, 0));
        scratch.sum(nullEmbedding.gradient(), 0);
        if (anyKept) {
            Nd4j.exec(new BroadcastMulOp(gradSum, keepMask, scratch, 0));
            condition1.backward(conditionAct.backward(condition2.backward(scratch)));
        } else {
            condition1.zeroGradients();
            condition2.zeroGradients();
        }
    }

    /** Multiply-accumulates of one sample's forward pass. */
    long multiplyAccumulates() {
        return time1.multiplyAccumulates() + time2.multiplyAccumulates() + condition1.multiplyAccumulates()
                + condition2.multiplyAccumulates();
    }

    private void allocate(int batch, DataType type) {
        sinusoidValues = new float[batch * sinusoidSize];
        sinusoid = Nd4j.create(type, batch, sinusoidSize);
        keepMask = Nd4j.create(type, batch);
        dropMask = Nd4j.create(type, batch);
        sum = Nd4j.create(type, batch, embeddingSize);
        scratch = Nd4j.create(type, batch, embeddingSize);
    }
}
