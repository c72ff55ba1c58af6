package org.bcistream.models.diffusion;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact denoiser of spec ddim.md A.10 for data x₀ = ±1 with equal probability, one value per sample:
 * E[x₀ | x_t] = tanh(√ᾱ_t·x_t/(1 − ᾱ_t)), a {@link PredictionType#SAMPLE} prediction. Records its outputs.
 */
final class TwoPointOracleDenoiser implements Denoiser {
    private final NoiseSchedule schedule;
    private final List<Double> outputs = new ArrayList<>();

    TwoPointOracleDenoiser(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public SampleShape sampleShape() {
        return SampleShape.of(1);
    }

    @Override
    public int conditionSize() {
        return 0;
    }

    @Override
    public void predict(float[] x, int timestep, float[] condition, float[] out) {
        double alphaBar = schedule.alphaCumprod(timestep);
        out[0] = (float) Math.tanh(Math.sqrt(alphaBar) * x[0] / (1 - alphaBar));
        outputs.add((double) out[0]);
    }

    @Override
    public void predictUnconditional(float[] x, int timestep, float[] out) {
        throw new UnsupportedOperationException("the oracle has no unconditional form");
    }

    List<Double> outputs() {
        return outputs;
    }
}
