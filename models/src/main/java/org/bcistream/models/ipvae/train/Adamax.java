package org.bcistream.models.ipvae.train;

/**
 * Adamax (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015, §7.1) as NVAE's
 * {@code adamax_fast} runs it for the reference trainer (spec ipvae.md §4.2), with L2 weight decay added to
 * the gradient of every parameter:
 *
 * <pre>
 * g ← g + λθ,   m ← β1·m + (1 − β1)·g,   v ← max(β2·v, |g| + ε),   θ ← θ − lr/(1 − β1^t) · m/v
 * </pre>
 *
 * with β1 = 0.9, β2 = 0.999, ε = 1e-8 and t the number of steps taken. Holds the moment vectors; mutable,
 * not thread-safe.
 */
final class Adamax {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final double weightDecay;
    private final double[] moment;
    private final double[] infinityNorm;
    private int steps;

    Adamax(int size, double weightDecay) {
        this.weightDecay = weightDecay;
        this.moment = new double[size];
        this.infinityNorm = new double[size];
    }

    /** One update of {@code theta} in place; {@code grad} is overwritten with the decayed gradient. */
    void step(double[] theta, double[] grad, double learningRate) {
        steps++;
        double stepSize = learningRate / (1 - Math.pow(BETA1, steps));
        for (int i = 0; i < theta.length; i++) {
            double g = grad[i] + weightDecay * theta[i];
            grad[i] = g;
            moment[i] = BETA1 * moment[i] + (1 - BETA1) * g;
            infinityNorm[i] = Math.max(BETA2 * infinityNorm[i], Math.abs(g) + EPSILON);
            theta[i] -= stepSize * moment[i] / infinityNorm[i];
        }
    }
}
