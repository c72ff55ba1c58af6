package org.bcistream.models.ipvae.train;

/**
 * Global-norm gradient clipping as PyTorch's {@code clip_grad_norm_} does it: with n = ‖g‖₂ over all
 * parameters, g ← g·min(1, maxNorm/(n + 1e-6)). Stateless.
 */
final class GradientClip {
    private GradientClip() {}

    /** Clips {@code grad} in place and returns its norm before clipping. */
    static double apply(double[] grad, double maxNorm) {
        double sumSquares = 0;
        for (double g : grad) {
            sumSquares += g * g;
        }
        double norm = Math.sqrt(sumSquares);
        double factor = maxNorm / (norm + 1e-6);
        if (factor < 1) {
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= factor;
            }
        }
        return norm;
    }
}
