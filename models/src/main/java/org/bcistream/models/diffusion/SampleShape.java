package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

import java.util.Arrays;

/**
 * The shape of one sample (batch 1) that a {@link Denoiser} works on, e.g. [1, 80, 32] for a one-channel
 * 80-band mel patch of 32 frames, or [3, 32, 32] for an RGB image. Samples travel as flat
 * {@code float[]} arrays of {@link #size()} values in row-major (C) order, the layout of PyTorch and ND4J.
 * Immutable; every dimension is {@code >= 1}.
 */
public final class SampleShape {
    private final int[] dimensions;
    private final int size;

    private SampleShape(int[] dimensions, int size) {
        this.dimensions = dimensions;
        this.size = size;
    }

    /**
     * A shape with the given dimensions, outermost first.
     *
     * @throws IllegalArgumentException if there are none, one is below 1 or the size exceeds
     *     {@link Integer#MAX_VALUE}
     */
    public static SampleShape of(int... dimensions) {
        if (dimensions == null || dimensions.length == 0) {
            throw invalid("a sample shape needs at least one dimension");
        }
        long size = 1;
        for (int dimension : dimensions) {
            if (dimension < 1) {
                throw invalid("sample dimensions must be >= 1; got %s", Arrays.toString(dimensions));
            }
            size *= dimension;
            if (size > Integer.MAX_VALUE) {
                throw invalid("sample shape %s has more than %d values", Arrays.toString(dimensions),
                        Integer.MAX_VALUE);
            }
        }
        return new SampleShape(dimensions.clone(), (int) size);
    }

    /** The number of values in a sample: the product of the dimensions. */
    public int size() {
        return size;
    }

    /** The number of dimensions. */
    public int rank() {
        return dimensions.length;
    }

    /** The size of dimension {@code axis}, outermost first. */
    public int dimension(int axis) {
        return dimensions[axis];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SampleShape shape && Arrays.equals(dimensions, shape.dimensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dimensions);
    }

    @Override
    public String toString() {
        return Arrays.toString(dimensions);
    }
}
