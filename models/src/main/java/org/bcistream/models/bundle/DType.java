package org.bcistream.models.bundle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types this package reads and writes, named as in the safetensors header. All are stored
 * little-endian. Other safetensors dtypes (F16, BF16, U8, BOOL, ...) are refused when read.
 */
public enum DType {
    /** IEEE 754 binary32. */
    F32(4),
    /** IEEE 754 binary64. */
    F64(8),
    /** Two's-complement 32-bit integer. */
    I32(4),
    /** Two's-complement 64-bit integer. */
    I64(8);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element: 4 or 8. */
    public int byteSize() {
        return byteSize;
    }

    /** The dtype with this safetensors name ({@code "F32"}, ...), or empty if this package does not support it. */
    public static Optional<DType> fromName(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
