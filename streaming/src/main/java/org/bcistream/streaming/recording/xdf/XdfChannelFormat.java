package org.bcistream.streaming.recording.xdf;

import java.util.Arrays;
import java.util.Locale;

/**
 * The value types an XDF stream can declare in its header ({@code info/channel_format}), with the size of one
 * value in a Samples chunk. Numeric values are little-endian two's-complement integers or IEEE-754 floats;
 * {@link #STRING} values are a variable-length byte count followed by that many UTF-8 bytes.
 */
public enum XdfChannelFormat {
    /** 8-bit signed integer. */
    INT8("int8", 1),
    /** 16-bit signed integer. */
    INT16("int16", 2),
    /** 32-bit signed integer. */
    INT32("int32", 4),
    /** 64-bit signed integer (read as {@code float}, exact up to 2^24). */
    INT64("int64", 8),
    /** IEEE-754 single precision. */
    FLOAT32("float32", 4),
    /** IEEE-754 double precision (read as {@code float}). */
    DOUBLE64("double64", 8),
    /** Variable-length UTF-8 text. */
    STRING("string", 0);

    private final String xmlName;
    private final int bytes;

    XdfChannelFormat(String xmlName, int bytes) {
        this.xmlName = xmlName;
        this.bytes = bytes;
    }

    /** The name used in {@code info/channel_format}, e.g. {@code float32}. */
    public String xmlName() {
        return xmlName;
    }

    /** Bytes of one value in a Samples chunk; 0 for {@link #STRING} (variable). */
    public int bytesPerValue() {
        return bytes;
    }

    /** Whether values are integers (int8 to int64). */
    public boolean isInteger() {
        return this == INT8 || this == INT16 || this == INT32 || this == INT64;
    }

    /**
     * The format named {@code name} in a stream header (exact, case-sensitive, as liblsl writes it).
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static XdfChannelFormat fromXmlName(String name) {
        for (XdfChannelFormat f : values()) {
            if (f.xmlName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "channel format '%s' is not one of %s", name,
                Arrays.stream(values()).map(XdfChannelFormat::xmlName).toList()));
    }
}
