package org.bcistream.models.bundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One named, immutable tensor: a dtype, a shape (row-major, outermost dimension first; {@code []} is a
 * scalar, a 0 dimension an empty tensor) and {@code product(shape)} elements. Arrays are copied in and out.
 *
 * <p>Invariants: the name is non-empty and not {@code __metadata__}; the rank is at most {@link #MAX_RANK};
 * dimensions are {@code >= 0}; the element count fits an {@code int}. Values are not checked (NaN and
 * infinities are kept, as in safetensors). Equality compares name, dtype, shape and the exact bits.
 */
public final class Tensor {
    /** The largest rank accepted, as in NumPy. */
    public static final int MAX_RANK = 64;

    static final String METADATA_KEY = "__metadata__";

    private final String name;
    private final DType dtype;
    private final int[] shape;
    /** The elements, little-endian, row-major; {@code product(shape) * dtype.byteSize()} bytes. */
    private final byte[] data;

    private Tensor(String name, DType dtype, int[] shape, byte[] data) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /** A {@link DType#F32} tensor holding a copy of {@code data} (row-major) with this shape. */
    public static Tensor ofFloats(String name, int[] shape, float[] data) {
        int[] dims = Objects.requireNonNull(shape, "shape").clone();
        ByteBuffer bytes = allocate(name, DType.F32, dims, Objects.requireNonNull(data, "data").length);
        bytes.asFloatBuffer().put(data);
        return new Tensor(name, DType.F32, dims, bytes.array());
    }

    /** A {@link DType#F64} tensor holding a copy of {@code data} (row-major) with this shape. */
    public static Tensor ofDoubles(String name, int[] shape, double[] data) {
        int[] dims = Objects.requireNonNull(shape, "shape").clone();
        ByteBuffer bytes = allocate(name, DType.F64, dims, Objects.requireNonNull(data, "data").length);
        bytes.asDoubleBuffer().put(data);
        return new Tensor(name, DType.F64, dims, bytes.array());
    }

    /** A {@link DType#I32} tensor holding a copy of {@code data} (row-major) with this shape. */
    public static Tensor ofInts(String name, int[] shape, int[] data) {
        int[] dims = Objects.requireNonNull(shape, "shape").clone();
        ByteBuffer bytes = allocate(name, DType.I32, dims, Objects.requireNonNull(data, "data").length);
        bytes.asIntBuffer().put(data);
        return new Tensor(name, DType.I32, dims, bytes.array());
    }

    /** A {@link DType#I64} tensor holding a copy of {@code data} (row-major) with this shape. */
    public static Tensor ofLongs(String name, int[] shape, long[] data) {
        int[] dims = Objects.requireNonNull(shape, "shape").clone();
        ByteBuffer bytes = allocate(name, DType.I64, dims, Objects.requireNonNull(data, "data").length);
        bytes.asLongBuffer().put(data);
        return new Tensor(name, DType.I64, dims, bytes.array());
    }

    /** Wraps little-endian bytes already checked against the shape; the array is not copied. */
    static Tensor wrap(String name, DType dtype, int[] shape, byte[] littleEndian) {
        checkName(name);
        long needed = (long) elementCount(shape) * dtype.byteSize();
        if (needed != littleEndian.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "tensor '%s': %s shape %s needs %d bytes; got %d",
                    name, dtype, Arrays.toString(shape), needed, littleEndian.length));
        }
        return new Tensor(name, dtype, shape, littleEndian);
    }

    private static ByteBuffer allocate(String name, DType dtype, int[] shape, int length) {
        checkName(name);
        int count = elementCount(shape);
        if (count != length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tensor '%s': shape %s holds %d elements; data has %d", name, Arrays.toString(shape), count, length));
        }
        if ((long) count * dtype.byteSize() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tensor '%s': %d %s elements do not fit one Java byte array", name, count, dtype));
        }
        return ByteBuffer.allocate(count * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.equals(METADATA_KEY)) {
            throw new IllegalArgumentException("a tensor name must be non-empty and not " + METADATA_KEY + "; got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /**
     * The number of elements of a shape.
     *
     * @throws IllegalArgumentException if the rank exceeds {@link #MAX_RANK}, a dimension is negative or the
     *     product exceeds {@link Integer#MAX_VALUE}
     */
    static int elementCount(int[] shape) {
        if (shape.length > MAX_RANK) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "shape has %d dimensions; at most %d are supported",
                    shape.length, MAX_RANK));
        }
        if (Arrays.stream(shape).anyMatch(dim -> dim < 0)) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
        }
        if (Arrays.stream(shape).anyMatch(dim -> dim == 0)) {
            return 0;
        }
        long count = 1;
        for (int dim : shape) {
            count *= dim;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 - 1 elements");
            }
        }
        return (int) count;
    }

    /** The name, unique within a {@link Safetensors}. */
    public String name() {
        return name;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape, outermost dimension first. */
    public int[] shape() {
        return shape.clone();
    }

    /** Whether the shape equals {@code expected} exactly (same rank, same dimensions). */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** The number of elements, {@code product(shape)}. */
    public int size() {
        return data.length / dtype.byteSize();
    }

    /** A copy of the elements of an {@link DType#F32} tensor, row-major. */
    public float[] floats() {
        float[] out = new float[size()];
        buffer(DType.F32).asFloatBuffer().get(out);
        return out;
    }

    /** A copy of the elements of an {@link DType#F64} tensor, row-major. */
    public double[] doubles() {
        double[] out = new double[size()];
        buffer(DType.F64).asDoubleBuffer().get(out);
        return out;
    }

    /** A copy of the elements of an {@link DType#I32} tensor, row-major. */
    public int[] ints() {
        int[] out = new int[size()];
        buffer(DType.I32).asIntBuffer().get(out);
        return out;
    }

    /** A copy of the elements of an {@link DType#I64} tensor, row-major. */
    public long[] longs() {
        long[] out = new long[size()];
        buffer(DType.I64).asLongBuffer().get(out);
        return out;
    }

    /**
     * The elements of a tensor of any dtype as doubles, row-major. Exact for F32, F64 and I32; I64 values
     * beyond 2^53 in magnitude are rounded to the nearest double.
     */
    public double[] toDoubles() {
        return switch (dtype) {
            case F64 -> doubles();
            case F32 -> {
                float[] values = floats();
                double[] out = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    out[i] = values[i];
                }
                yield out;
            }
            case I32 -> Arrays.stream(ints()).asDoubleStream().toArray();
            case I64 -> Arrays.stream(longs()).asDoubleStream().toArray();
        };
    }

    /** The little-endian bytes, not copied; for the writer. */
    byte[] littleEndianBytes() {
        return data;
    }

    private ByteBuffer buffer(DType expected) {
        if (dtype != expected) {
            throw new IllegalStateException(String.format(Locale.ROOT, "tensor '%s' is %s, not %s; use toDoubles() to convert",
                    name, dtype, expected));
        }
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    /** For example {@code Tensor[phi F64 [64, 512]]}. */
    @Override
    public String toString() {
        return "Tensor[" + name + " " + dtype + " " + Arrays.toString(shape) + "]";
    }
}
