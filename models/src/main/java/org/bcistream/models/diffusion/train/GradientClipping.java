package org.bcistream.models.diffusion.train;

import org.bcistream.models.diffusion.net.NetworkParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Global-norm gradient clipping (PyTorch {@code clip_grad_norm_}): with N the L2 norm of all gradients
 * together, every gradient is multiplied by maxNorm/N when N &gt; maxNorm, so the direction is kept.
 */
final class GradientClipping {
    private GradientClipping() {}

    /**
     * Clips in place.
     *
     * @return the global norm N before clipping
     */
    static double clip(NetworkParameters parameters, double maxNorm) {
        INDArray gradients = parameters.flatGradients();
        double norm = gradients.norm2Number().doubleValue();
        if (norm > maxNorm) {
            gradients.muli(maxNorm / norm);
        }
        return norm;
    }
}
