package org.bcistream.models.ipvae.train;

/**
 * Counter-based noise for the relaxed Poisson samples: each value is a pure function of (stream key,
 * index), made with the SplitMix64 output function (Steele, Lea and Flood, OOPSLA 2014) on
 * {@code key + (index + 1)·γ}. Because nothing is consumed sequentially, a sample can stop reading its
 * stream as soon as the remaining arrivals no longer matter, and the noise of every other sample stays the
 * same whatever the model parameters are: the loss is then a smooth, deterministic function of the
 * parameters, which the finite-difference gradient test relies on. Stateless and thread-safe.
 */
final class ArrivalNoise implements UnitExponentials {

    static final ArrivalNoise INSTANCE = new ArrivalNoise();

    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    private static final long KEY_GAMMA = 0xbb67ae8584caa73bL;

    private ArrivalNoise() {}

    /**
     * −ln(U) with U = (top 53 bits + 1)·2<sup>-53</sup> in (0, 1], so E is in [0, 36.8].
     */
    @Override
    public double get(long stream, int index) {
        long bits = mix64(stream + (index + 1L) * GAMMA);
        return -Math.log(((bits >>> 11) + 1) * 0x1.0p-53);
    }

    /** The key of child stream {@code index} of {@code parent}; distinct children get unrelated keys. */
    static long child(long parent, long index) {
        return mix64(parent + (index + 1) * KEY_GAMMA);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
