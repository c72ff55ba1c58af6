package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** A noise source that hands out fixed vectors in order and fails when they run out. */
final class ReplayedNoise implements NoiseSource {
    private final List<float[]> vectors;
    private int next;

    ReplayedNoise(List<float[]> vectors) {
        this.vectors = vectors;
    }

    @Override
    public void fill(float[] out) {
        if (next >= vectors.size()) {
            throw new IllegalStateException("noise vector " + next + " requested; only " + vectors.size() + " given");
        }
        float[] vector = vectors.get(next++);
        assertEquals(vector.length, out.length, "noise vector length");
        System.arraycopy(vector, 0, out, 0, out.length);
    }

    int used() {
        return next;
    }
}
