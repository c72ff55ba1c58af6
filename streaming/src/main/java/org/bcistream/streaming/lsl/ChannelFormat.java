package org.bcistream.streaming.lsl;

/**
 * The value type of every channel of a stream, with liblsl's numeric codes ({@code lsl_channel_format_t}) and the
 * names used in the stream-info XML. {@link #valueSize()} is the byte width of one value on the wire (0 for strings,
 * whose values carry their own length).
 */
public enum ChannelFormat {
    /** IEEE-754 single precision. */
    FLOAT32(1, "float32", 4),
    /** IEEE-754 double precision. */
    DOUBLE64(2, "double64", 8),
    /** Variable-length byte strings, by convention UTF-8. */
    STRING(3, "string", 0),
    /** Signed 32-bit integers. */
    INT32(4, "int32", 4),
    /** Signed 16-bit integers. */
    INT16(5, "int16", 2),
    /** Signed 8-bit integers. */
    INT8(6, "int8", 1),
    /** Signed 64-bit integers. */
    INT64(7, "int64", 8);

    private final int code;
    private final String xmlName;
    private final int valueSize;

    ChannelFormat(int code, String xmlName, int valueSize) {
        this.code = code;
        this.xmlName = xmlName;
        this.valueSize = valueSize;
    }

    /** liblsl's {@code cft_*} code, 1..7. */
    public int code() {
        return code;
    }

    /** The {@code <channel_format>} text, e.g. {@code float32}. */
    public String xmlName() {
        return xmlName;
    }

    /** Bytes per value on the wire; 0 for {@link #STRING}. */
    public int valueSize() {
        return valueSize;
    }

    /** Whether values are IEEE-754 floating point. */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == DOUBLE64;
    }

    /** Whether values are integers. */
    public boolean isInteger() {
        return this == INT8 || this == INT16 || this == INT32 || this == INT64;
    }

    /**
     * The format with liblsl code {@code code}.
     *
     * @throws LslArgumentException for 0 ({@code cft_undefined}) or any other unknown code
     */
    public static ChannelFormat fromCode(int code) {
        for (ChannelFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new LslArgumentException("unknown channel format code " + code + " (valid: 1..7)");
    }

    /**
     * The format named {@code name} in stream-info XML (case-sensitive, as liblsl).
     *
     * @throws LslArgumentException for any other name
     */
    public static ChannelFormat fromXmlName(String name) {
        for (ChannelFormat f : values()) {
            if (f.xmlName.equals(name)) {
                return f;
            }
        }
        throw new LslArgumentException("unknown channel format '" + name
                + "' (valid: float32, double64, string, int32, int16, int8, int64)");
    }
}
