package org.bcistream.hardware.synthetic;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams derived from one master seed, one per purpose.
 *
 * <p>Derivation: a SplitMix64 sequence (Steele, Lea and Flood 2014; state advanced by
 * {@code 0x9E3779B97F4A7C15}, output mixed with Stafford's variant 13) is started from the master seed
 * and consumed in pairs, pair {@code p} (outputs {@code 2p+1} and {@code 2p+2}) seeding the
 * {@link RandomSource#XO_RO_SHI_RO_128_PP} generator of the purpose with ordinal {@code p}. New purposes
 * are only ever appended, so existing streams never change. Two consecutive SplitMix64 outputs are never
 * both zero (the output function is a bijection of the state), so every xoroshiro state is valid.
 */
final class RandomStreams {

    /** What a stream is used for; the declaration order fixes the seed derivation. */
    enum Purpose {
        /** The fixed head model (mixing, frequencies, tuning); never part of the saved state. */
        HEAD_MODEL,
        /** Trial schedule: target order, jitter, per-trial phases and gains. */
        TRIALS,
        /** 1/f background sources. */
        BACKGROUND,
        /** Alpha, mu and beta rhythms and their slow amplitude modulation. */
        RHYTHMS,
        /** Blink and EMG timing, shapes and EMG noise. */
        ARTIFACTS,
        /** Spike trains of intracortical profiles. */
        SPIKES,
        /** Auxiliary channel noise. */
        AUX
    }

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private RandomStreams() {
    }

    /** A fresh generator for {@code purpose}, positioned at the start of its stream. */
    static RestorableUniformRandomProvider create(long masterSeed, Purpose purpose) {
        long state = masterSeed + 2L * purpose.ordinal() * GOLDEN_GAMMA;
        long first = mix(state + GOLDEN_GAMMA);
        long second = mix(state + 2 * GOLDEN_GAMMA);
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {first, second});
    }

    /** The SplitMix64 output function (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
