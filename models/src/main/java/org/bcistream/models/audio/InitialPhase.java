package org.bcistream.models.audio;

import org.bcistream.models.random.SplitMix64;

/**
 * How {@link GriffinLim} initialises the phase of every bin: all zero, or uniform on [0, 2 pi) drawn from
 * a {@link SplitMix64} seeded with {@code seed}, in frame order then bin order (so batch and streaming
 * draw the same phases).
 *
 * @param isRandom whether the phases are random
 * @param seed the generator seed; 0 when not random
 */
public record InitialPhase(boolean isRandom, long seed) {
    /** Seed of the default random initial phase of {@link GriffinLim}. */
    public static final long DEFAULT_SEED = 20_260_401L;

    /** Checks that a zero phase carries no seed. */
    public InitialPhase {
        if (!isRandom && seed != 0) {
            throw new IllegalArgumentException("a zero initial phase takes no seed; got " + seed);
        }
    }

    /** Zero phase everywhere (deterministic without a seed). */
    public static InitialPhase zero() {
        return new InitialPhase(false, 0);
    }

    /** Random phase from {@code seed}. */
    public static InitialPhase random(long seed) {
        return new InitialPhase(true, seed);
    }

    /** A fresh phase source: {@code null} for zero phase, else a generator in its initial state. */
    SplitMix64 newGenerator() {
        return isRandom ? SplitMix64.of(seed) : null;
    }

    /** Writes unit phasors {@code (cos, sin)} for {@code bins} bins into {@code angles} (re/im interleaved). */
    static void fill(SplitMix64 generator, double[] angles, int bins) {
        for (int k = 0; k < bins; k++) {
            if (generator == null) {
                angles[2 * k] = 1.0;
                angles[2 * k + 1] = 0.0;
            } else {
                double theta = 2 * Math.PI * generator.nextDouble();
                angles[2 * k] = Math.cos(theta);
                angles[2 * k + 1] = Math.sin(theta);
            }
        }
    }
}
