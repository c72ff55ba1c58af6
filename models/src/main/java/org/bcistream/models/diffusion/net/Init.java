package org.bcistream.models.diffusion.net;

import java.util.Arrays;
import org.bcistream.models.random.SplitMix64;

/**
 * How a parameter starts. {@link #FAN_IN_UNIFORM} is PyTorch's default for {@code nn.Linear} and
 * {@code nn.Conv*} weights and biases (kaiming-uniform with a = √5): U(−1/√fan_in, 1/√fan_in).
 */
enum Init {
    /** U(−1/√fan_in, 1/√fan_in); for a bias the fan-in is its layer's. */
    FAN_IN_UNIFORM,
    /** All zeros: GroupNorm shifts, the learned null condition, zero-initialised output layers. */
    ZERO,
    /** All ones (GroupNorm scales). */
    ONE;

    /** Fills {@code out}; {@code fanIn} is only read by {@link #FAN_IN_UNIFORM}. */
    void fill(float[] out, int fanIn, SplitMix64 rng) {
        switch (this) {
            case FAN_IN_UNIFORM -> {
                double bound = 1 / Math.sqrt(fanIn);
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
            case ZERO -> Arrays.fill(out, 0f);
            case ONE -> Arrays.fill(out, 1f);
        }
    }
}
