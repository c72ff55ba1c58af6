package org.bcistream.models.diffusion;

/**
 * The reference fixture's toy network: out = tanh(W x + (t/1000) a + C cond), and without the C cond term
 * for the unconditional call. Computed in float64, returned as float32.
 */
final class AffineTanhDenoiser implements Denoiser {
    private final SampleShape shape;
    private final double[][] weights;
    private final double[] timeWeights;
    private final double[][] conditionWeights;

    AffineTanhDenoiser(SampleShape shape, double[][] weights, double[] timeWeights, double[][] conditionWeights) {
        this.shape = shape;
        this.weights = weights;
        this.timeWeights = timeWeights;
        this.conditionWeights = conditionWeights;
    }

    @Override
    public SampleShape sampleShape() {
        return shape;
    }

    @Override
    public int conditionSize() {
        return conditionWeights[0].length;
    }

    @Override
    public void predict(float[] x, int timestep, float[] condition, float[] out) {
        evaluate(x, timestep, condition, out);
    }

    @Override
    public void predictUnconditional(float[] x, int timestep, float[] out) {
        evaluate(x, timestep, null, out);
    }

    private void evaluate(float[] x, int timestep, float[] condition, float[] out) {
        for (int i = 0; i < out.length; i++) {
            double h = 0;
            for (int j = 0; j < x.length; j++) {
                h += weights[i][j] * x[j];
            }
            h += timestep / 1000.0 * timeWeights[i];
            if (condition != null) {
                for (int k = 0; k < condition.length; k++) {
                    h += conditionWeights[i][k] * condition[k];
                }
            }
            out[i] = (float) Math.tanh(h);
        }
    }
}
