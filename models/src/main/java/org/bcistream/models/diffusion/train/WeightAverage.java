package org.bcistream.models.diffusion.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bcistream.models.diffusion.net.NetworkParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The exponential moving average of a network's weights, the weights used for sampling. After optimiser
 * step n (1-based) every averaged value becomes
 *
 * <pre>
 *   ema ← d·ema + (1 − d)·θ,   d = min(decay, (1 + n)/(10 + n))
 * </pre>
 *
 * the warm-up of diffusers' {@code EMAModel} default, so that early averages are not dominated by the
 * initial weights. Starts as a copy of the weights; kept in the network's data type. Not thread-safe.
 */
final class WeightAverage {
    private final double decay;
    private final NetworkParameters parameters;
    private final INDArray values;
    private final INDArray average;
    private final INDArray scratch;
    private int updates;

    WeightAverage(NetworkParameters parameters, double decay) {
        this.decay = decay;
        this.parameters = parameters;
        this.values = parameters.flatValues();
        this.average = values.dup();
        this.scratch = values.dup();
    }

    /** The decay d used by update n (1-based). */
    double decayAt(int update) {
        return Math.min(decay, (1.0 + update) / (10.0 + update));
    }

    /** Folds the current weights into the average. */
    void update() {
        updates++;
        double d = decayAt(updates);
        values.mul(1 - d, scratch);
        average.muli(d).addi(scratch);
    }

    /** A float32 copy of the averaged weights by name, in the network's order. */
    Map<String, float[]> weights() {
        Map<String, float[]> weights = new LinkedHashMap<>();
        long offset = 0;
        for (String name : parameters.names()) {
            long size = parameters.value(name).length();
            weights.put(name, average.get(NDArrayIndex.interval(offset, offset + size)).toFloatVector());
            offset += size;
        }
        return weights;
    }
}
