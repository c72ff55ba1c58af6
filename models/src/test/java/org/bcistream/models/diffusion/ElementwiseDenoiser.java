package org.bcistream.models.diffusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test denoiser whose output is a function of each element and the timestep; the unconditional call
 * returns a constant. Records the timestep and first input element of every conditional call.
 */
final class ElementwiseDenoiser implements Denoiser {

    /** out = f(x, t) for one element. */
    interface ElementFunction {
        double apply(double x, int timestep);
    }

    private final SampleShape shape;
    private final int conditionSize;
    private final ElementFunction function;
    private final float unconditionalValue;
    private final List<Integer> timesteps = new ArrayList<>();
    private final List<Float> firstInputs = new ArrayList<>();
    private int unconditionalCalls;

    ElementwiseDenoiser(int size, int conditionSize, ElementFunction function, float unconditionalValue) {
        this.shape = SampleShape.of(size);
        this.conditionSize = conditionSize;
        this.function = function;
        this.unconditionalValue = unconditionalValue;
    }

    /** One value, no condition, out = f(x, t), no unconditional form in use. */
    static ElementwiseDenoiser scalar(ElementFunction function) {
        return new ElementwiseDenoiser(1, 0, function, Float.NaN);
    }

    @Override
    public SampleShape sampleShape() {
        return shape;
    }

    @Override
    public int conditionSize() {
        return conditionSize;
    }

    @Override
    public void predict(float[] x, int timestep, float[] condition, float[] out) {
        timesteps.add(timestep);
        firstInputs.add(x[0]);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) function.apply(x[i], timestep);
        }
    }

    @Override
    public void predictUnconditional(float[] x, int timestep, float[] out) {
        unconditionalCalls++;
        Arrays.fill(out, unconditionalValue);
    }

    List<Integer> timesteps() {
        return timesteps;
    }

    List<Float> firstInputs() {
        return firstInputs;
    }

    int unconditionalCalls() {
        return unconditionalCalls;
    }
}
