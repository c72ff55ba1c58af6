package org.bcistream.models.diffusion;

import java.util.Arrays;

/** A noise source that fills every vector with one value and counts the vectors. */
final class ConstantNoise implements NoiseSource {
    private final float value;
    private int fills;

    ConstantNoise(float value) {
        this.value = value;
    }

    @Override
    public void fill(float[] out) {
        Arrays.fill(out, value);
        fills++;
    }

    int fills() {
        return fills;
    }
}
