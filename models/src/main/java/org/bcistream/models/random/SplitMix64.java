package org.bcistream.models.random;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014,
 * doi:10.1145/2660193.2660195): a 64-bit generator whose whole state is two longs, a counter
 * {@code seed} and an odd increment {@code gamma}. Output {@code i} is {@code mix64(seed + i * gamma)}.
 *
 * <p>Why this generator: the state must be saved into Flink keyed state and restored bit-for-bit, for
 * years, across library upgrades. Here the state is 16 bytes whose meaning is fixed by this class
 * ({@link #saveState()}), not by a third-party serial form; {@link #split()} gives independent
 * per-session streams from one configured seed; it passes BigCrush; and it is the algorithm behind
 * {@link java.util.SplittableRandom}, which produces the same {@link #nextLong()}, {@link #nextDouble()}
 * and {@link #split()} sequences for the same seed (checked by the tests). The period of one stream is
 * 2<sup>64</sup>, far beyond what a session draws.
 *
 * <p>Implements {@link UniformRandomProvider} so that any commons-rng sampler can use it. Only
 * {@link #nextLong()} and {@link #nextDouble()} are defined here; the other methods are the interface's
 * defaults, derived from {@link #nextLong()}. Mutable and not thread-safe: one instance per session.
 */
public final class SplitMix64 implements UniformRandomProvider {

    /** Length of {@link #saveState()}: the seed, then gamma, as big-endian longs. */
    public static final int STATE_BYTES = 16;

    /** The increment of a generator made from a seed: 2<sup>64</sup> divided by the golden ratio, odd. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private final long gamma;

    private SplitMix64(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** A generator seeded with {@code seed}: the same sequence as {@code new SplittableRandom(seed)}. */
    public static SplitMix64 of(long seed) {
        return new SplitMix64(seed, GOLDEN_GAMMA);
    }

    /** The next 64 uniformly distributed bits. */
    @Override
    public long nextLong() {
        return mix64(seed += gamma);
    }

    /** A uniform double in [0, 1): the top 53 bits of {@link #nextLong()} times 2<sup>-53</sup>. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * A new generator for an independent stream, derived from (and advancing) this one by two steps, exactly
     * as {@link java.util.SplittableRandom#split()} does.
     */
    public SplitMix64 split() {
        long childSeed = nextLong();
        return new SplitMix64(childSeed, mixGamma(seed += gamma));
    }

    /** A generator in the same state as this one; the two then produce the same sequence. */
    public SplitMix64 copy() {
        return new SplitMix64(seed, gamma);
    }

    /** The state as {@value #STATE_BYTES} bytes: seed then gamma, big-endian. */
    public byte[] saveState() {
        return ByteBuffer.allocate(STATE_BYTES).putLong(seed).putLong(gamma).array();
    }

    /** Writes the {@value #STATE_BYTES} state bytes of {@link #saveState()} at the buffer's position. */
    public void writeState(ByteBuffer out) {
        out.putLong(seed).putLong(gamma);
    }

    /**
     * A generator in the state written by {@link #saveState()}.
     *
     * @throws IllegalArgumentException if the array is not {@value #STATE_BYTES} bytes or gamma is even (no
     *     SplitMix64 state has an even gamma, so the bytes are corrupt)
     */
    public static SplitMix64 restoreState(byte[] state) {
        if (state == null || state.length != STATE_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "SplitMix64 state must be %d bytes; got %s", STATE_BYTES,
                    state == null ? "none" : state.length + " bytes"));
        }
        return readState(ByteBuffer.wrap(state));
    }

    /**
     * Reads {@value #STATE_BYTES} state bytes at the buffer's position, as {@link #restoreState(byte[])} does.
     *
     * @throws java.nio.BufferUnderflowException if fewer than {@value #STATE_BYTES} bytes remain
     * @throws IllegalArgumentException if gamma is even
     */
    public static SplitMix64 readState(ByteBuffer in) {
        int offset = in.position();
        long seed = in.getLong();
        long gamma = in.getLong();
        if ((gamma & 1L) == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "SplitMix64 state at offset %d is corrupt: gamma %016x is even", offset + 8, gamma));
        }
        return new SplitMix64(seed, gamma);
    }

    /** The finaliser of MurmurHash3 with Stafford's variant-13 constants (the output function). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** An odd gamma with enough bit transitions, derived from a seed (as in {@code SplittableRandom}). */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SplitMix64[seed=%016x, gamma=%016x]", seed, gamma);
    }
}
