package org.bcistream.streaming.recording.xdf;

import java.util.Arrays;

/**
 * Where one stream's Samples chunks are in the file: for each non-empty chunk the byte offset of its first
 * sample, the offset just past its last sample, and its sample count. The cursor reads the values from
 * there; the index itself holds no sample values.
 */
final class XdfChunkIndex {
    /** Largest array the reader creates (the JVM's practical limit). */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private long[] starts = new long[8];
    private long[] ends = new long[8];
    private int[] counts = new int[8];
    private int size;

    void add(long start, long end, int count) {
        if (size == starts.length) {
            int capacity = grownCapacity(size, 1);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        starts[size] = start;
        ends[size] = end;
        counts[size] = count;
        size++;
    }

    int size() {
        return size;
    }

    long start(int chunk) {
        return starts[chunk];
    }

    long end(int chunk) {
        return ends[chunk];
    }

    int count(int chunk) {
        return counts[chunk];
    }

    /** Capacity for {@code size + extra} entries, growing by half and never above {@link #MAX_ARRAY}. */
    static int grownCapacity(int size, int extra) {
        long wanted = Math.max((long) size + extra, size + (size >> 1) + 16L);
        return (int) Math.min(wanted, MAX_ARRAY);
    }
}
