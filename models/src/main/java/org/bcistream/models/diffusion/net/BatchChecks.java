package org.bcistream.models.diffusion.net;

import static org.bcistream.models.diffusion.Checks.invalid;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Validates the arguments of {@link ConditionalNetwork#forward}; returns the batch size. */
final class BatchChecks {
    private BatchChecks() {}

    static int check(ConditionalNetwork network, INDArray noisy, int[] timesteps, INDArray conditions,
            boolean[] keep, INDArray context) {
        if (noisy == null || timesteps == null || conditions == null || keep == null) {
            throw invalid("noisy samples, timesteps, conditions and keep flags are all required");
        }
        int batch = timesteps.length;
        if (batch < 1 || keep.length != batch) {
            throw invalid("need B >= 1 timesteps and as many keep flags; got %d and %d", batch, keep.length);
        }
        DataType type = network.parameters().dataType();
        matrix(noisy, batch, network.sampleShape().size(), type, "noisy samples");
        matrix(conditions, batch, network.conditionSize(), type, "conditions");
        if (network.contextSize() > 0) {
            if (context == null) {
                throw invalid("this network needs a context of %d values per sample", network.contextSize());
            }
            matrix(context, batch, network.contextSize(), type, "context");
        }
        for (int t : timesteps) {
            if (t < 0) {
                throw invalid("timesteps must be >= 0; got %d", t);
            }
        }
        return batch;
    }

    private static void matrix(INDArray array, int rows, int columns, DataType type, String what) {
        if (array.rank() != 2 || array.size(0) != rows || array.size(1) != columns) {
            throw invalid("%s must be [%d, %d]; got %s", what, rows, columns, Arrays.toString(array.shape()));
        }
        if (array.dataType() != type || array.ordering() != 'c' || array.isView()) {
            throw invalid("%s must be a whole C-order %s array; got a %s %s%s", what, type, array.ordering(),
                    array.dataType(), array.isView() ? " view" : "");
        }
    }
}
