package org.bcistream.models.diffusion.net;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies between Java {@code float[]} arrays and contiguous C-order ND4J arrays (the buffers this package
 * allocates, and contiguous views of them), through NIO views of the off-heap memory; FLOAT arrays are
 * copied in bulk, DOUBLE arrays converted element by element.
 */
final class Transfer {
    private Transfer() {}

    /** Copies {@code target.length()} values from {@code source[offset..]} into {@code target}. */
    static void copyIn(float[] source, int offset, INDArray target) {
        int count = (int) target.length();
        int start = start(target);
        if (target.dataType() == DataType.FLOAT) {
            FloatBuffer buffer = target.data().asNioFloat();
            buffer.put(start, source, offset, count);
        } else {
            DoubleBuffer buffer = target.data().asNioDouble();
            for (int i = 0; i < count; i++) {
                buffer.put(start + i, source[offset + i]);
            }
        }
    }

    /** Copies all of {@code source} into {@code target[offset..]}. */
    static void copyOut(INDArray source, float[] target, int offset) {
        int count = (int) source.length();
        int start = start(source);
        if (source.dataType() == DataType.FLOAT) {
            source.data().asNioFloat().get(start, target, offset, count);
        } else {
            DoubleBuffer buffer = source.data().asNioDouble();
            for (int i = 0; i < count; i++) {
                target[offset + i] = (float) buffer.get(start + i);
            }
        }
    }

    /**
     * The buffer index of the first element.
     *
     * @throws IllegalStateException if the array is not contiguous in C order
     */
    private static int start(INDArray array) {
        long expected = 1;
        for (int axis = array.rank() - 1; axis >= 0; axis--) {
            if (array.size(axis) != 1 && array.stride(axis) != expected) {
                throw new IllegalStateException("not a contiguous C-order array: " + array.shapeInfoToString());
            }
            expected *= array.size(axis);
        }
        return Math.toIntExact(array.offset());
    }
}
