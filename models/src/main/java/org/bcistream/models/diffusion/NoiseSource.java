package org.bcistream.models.diffusion;

import org.apache.commons.rng.UniformRandomProvider;
import org.bcistream.models.random.StandardNormal;

/**
 * Where a sampler gets its Gaussian noise: the initial sample x<sub>T</sub> and, when η &gt; 0, the
 * fresh noise z of every step. Injecting it keeps sampling replayable: production uses
 * {@link #gaussian(UniformRandomProvider)} on a generator built from a recorded seed (e.g.
 * {@link org.bcistream.models.random.SplitMix64#of(long)}, whose state can be saved); tests can feed
 * fixed values.
 */
@FunctionalInterface
public interface NoiseSource {

    /** Overwrites every element of {@code out} with the next independent N(0, 1) value. */
    void fill(float[] out);

    /**
     * Standard normal noise from the given generator by Box-Muller ({@link StandardNormal}, two uniforms
     * per value), so the values are a deterministic function of the generator's state. Not thread-safe
     * if the generator is not.
     */
    static NoiseSource gaussian(UniformRandomProvider rng) {
        if (rng == null) {
            throw Checks.invalid("random generator is missing");
        }
        return out -> {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) StandardNormal.sample(rng);
            }
        };
    }
}
