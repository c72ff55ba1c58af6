package org.bcistream.streaming.lsl.internal.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * String values for liblsl's {@code _buf} functions: UTF-8 bytes with explicit {@code uint32_t} lengths, so values
 * may contain NUL and no platform encoding is involved. Native memory of pushed values lives as long as the returned
 * arrays are reachable; pulled values are copied out and freed with {@code lsl_destroy_string}.
 */
final class NativeStrings {
    private final Pointer[] pointers;
    private final int[] lengths;

    private NativeStrings(Pointer[] pointers, int[] lengths) {
        this.pointers = pointers;
        this.lengths = lengths;
    }

    /** Native copies of {@code values[offset .. offset + count)}. */
    static NativeStrings of(String[] values, int offset, int count) {
        Pointer[] pointers = new Pointer[count];
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            String v = values[offset + i];
            byte[] bytes = (v == null ? "" : v).getBytes(StandardCharsets.UTF_8);
            Memory m = new Memory(Math.max(1, bytes.length));
            m.write(0, bytes, 0, bytes.length);
            pointers[i] = m;
            lengths[i] = bytes.length;
        }
        return new NativeStrings(pointers, lengths);
    }

    Pointer[] pointers() {
        return pointers;
    }

    int[] lengths() {
        return lengths;
    }

    /** Copies {@code count} liblsl-allocated values into {@code out[offset..]} and frees every non-null pointer. */
    static void take(LslLibrary lib, Pointer[] pointers, int[] lengths, String[] out, int offset, int count) {
        for (int i = 0; i < pointers.length; i++) {
            Pointer p = pointers[i];
            if (p == null) {
                continue;
            }
            if (i < count) {
                out[offset + i] = new String(p.getByteArray(0, lengths[i]), StandardCharsets.UTF_8);
            }
            lib.lsl_destroy_string(p);
            pointers[i] = null;
        }
    }
}
