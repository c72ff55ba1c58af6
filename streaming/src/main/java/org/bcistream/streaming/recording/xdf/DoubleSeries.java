package org.bcistream.streaming.recording.xdf;

import java.util.Arrays;

/** A growable array of doubles (time stamps, clock offsets), so no boxing while a file is indexed. */
final class DoubleSeries {
    private double[] values = new double[16];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, XdfChunkIndex.grownCapacity(size, 1));
        }
        values[size++] = v;
    }

    double get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    /** The values as an array of exactly {@link #size()} entries (a copy). */
    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
