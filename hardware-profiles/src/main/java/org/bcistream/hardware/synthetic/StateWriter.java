package org.bcistream.hardware.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;

/** Collects the mutable state of the generator's parts, in a fixed order, into a {@link SyntheticSubjectState}. */
final class StateWriter {
    private long[] integers = new long[32];
    private int integerCount;
    private double[] reals = new double[256];
    private int realCount;
    private final List<byte[]> rngStates = new ArrayList<>();

    void putLong(long value) {
        if (integerCount == integers.length) {
            integers = Arrays.copyOf(integers, 2 * integers.length);
        }
        integers[integerCount++] = value;
    }

    void putInts(int[] values) {
        for (int v : values) {
            putLong(v);
        }
    }

    void putDouble(double value) {
        if (realCount == reals.length) {
            reals = Arrays.copyOf(reals, 2 * reals.length);
        }
        reals[realCount++] = value;
    }

    void putDoubles(double[] values) {
        for (double v : values) {
            putDouble(v);
        }
    }

    void putRng(RestorableUniformRandomProvider rng) {
        rngStates.add(((RandomProviderDefaultState) rng.saveState()).getState());
    }

    SyntheticSubjectState finish(long fingerprint, long sampleIndex) {
        return new SyntheticSubjectState(fingerprint, sampleIndex, Arrays.copyOf(integers, integerCount),
                Arrays.copyOf(reals, realCount), rngStates.toArray(new byte[0][]));
    }
}
