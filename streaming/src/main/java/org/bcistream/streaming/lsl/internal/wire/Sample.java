package org.bcistream.streaming.lsl.internal.wire;

import java.util.Arrays;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.Lsl;

/**
 * One sample in flight: a time stamp (LSL seconds, or {@link Lsl#DEDUCED_TIMESTAMP}), the pushthrough flag, and the
 * channel values in their wire representation, so that a sample is copied and written bit-exactly: float32 and
 * double64 values as their IEEE bit patterns, integers sign-extended, strings as Java strings (UTF-8 on the wire).
 *
 * <p>Values convert from and to every Java type as liblsl's {@code sample::assign_typed} and {@code retrieve_typed}
 * do: numeric casts (float to integer truncates toward zero; out-of-range values saturate to 64 bits and then wrap
 * to the width, where C would be undefined), numbers to text with liblsl's {@code to_string} (8 significant digits
 * for float32, 16 for double64), text to numbers by their leading numeric prefix (0 when there is none). Mutable and
 * reused; not thread-safe.
 */
public final class Sample {
    private final ChannelFormat format;
    private final int channelCount;
    private final long[] numbers;
    private final String[] strings;
    private double timestamp;
    private boolean pushthrough;

    /** A sample of {@code channelCount} zero (or empty) values and time stamp 0. */
    public Sample(ChannelFormat format, int channelCount) {
        this.format = format;
        this.channelCount = channelCount;
        this.numbers = format == ChannelFormat.STRING ? null : new long[channelCount];
        this.strings = format == ChannelFormat.STRING ? new String[channelCount] : null;
        if (strings != null) {
            Arrays.fill(strings, "");
        }
    }

    public ChannelFormat format() {
        return format;
    }

    public int channelCount() {
        return channelCount;
    }

    public double timestamp() {
        return timestamp;
    }

    public void setTimestamp(double timestamp) {
        this.timestamp = timestamp;
    }

    /** Whether the time stamp is {@link Lsl#DEDUCED_TIMESTAMP}, i.e. sent without a time stamp. */
    public boolean isDeduced() {
        return timestamp == Lsl.DEDUCED_TIMESTAMP;
    }

    public boolean pushthrough() {
        return pushthrough;
    }

    public void setPushthrough(boolean pushthrough) {
        this.pushthrough = pushthrough;
    }

    /** Copies the time stamp, flag and values of {@code other}, which has the same format and channel count. */
    public void copyFrom(Sample other) {
        timestamp = other.timestamp;
        pushthrough = other.pushthrough;
        if (strings != null) {
            System.arraycopy(other.strings, 0, strings, 0, channelCount);
        } else {
            System.arraycopy(other.numbers, 0, numbers, 0, channelCount);
        }
    }

    /** Whether the values of both samples are bit-identical (time stamps are not compared). */
    public boolean sameValues(Sample other) {
        return format == other.format && channelCount == other.channelCount
                && (strings != null ? Arrays.equals(strings, other.strings) : Arrays.equals(numbers, other.numbers));
    }

    // --- wire representation ---------------------------------------------------------------------------------

    /** The raw value of a numeric channel: IEEE bits for floating point, the sign-extended value for integers. */
    public long raw(int channel) {
        return numbers[channel];
    }

    /** Sets the raw value of a numeric channel (bits are masked / sign-extended to the format's width). */
    public void setRaw(int channel, long raw) {
        switch (format) {
            case FLOAT32:
                numbers[channel] = raw & 0xFFFF_FFFFL;
                break;
            case INT8:
                numbers[channel] = (byte) raw;
                break;
            case INT16:
                numbers[channel] = (short) raw;
                break;
            case INT32:
                numbers[channel] = (int) raw;
                break;
            default:
                numbers[channel] = raw;
        }
    }

    // --- typed values ----------------------------------------------------------------------------------------

    public float getFloat(int channel) {
        switch (format) {
            case FLOAT32:
                return Float.intBitsToFloat((int) numbers[channel]);
            case DOUBLE64:
                return (float) Double.longBitsToDouble(numbers[channel]);
            case STRING:
                return (float) LslNumbers.parseDoublePrefix(strings[channel]).orElse(0);
            default:
                return numbers[channel];
        }
    }

    public double getDouble(int channel) {
        switch (format) {
            case FLOAT32:
                return Float.intBitsToFloat((int) numbers[channel]);
            case DOUBLE64:
                return Double.longBitsToDouble(numbers[channel]);
            case STRING:
                return LslNumbers.parseDoublePrefix(strings[channel]).orElse(0);
            default:
                return numbers[channel];
        }
    }

    public long getLong(int channel) {
        switch (format) {
            case FLOAT32:
            case DOUBLE64:
                return (long) getDouble(channel);
            case STRING:
                return LslNumbers.parseLongPrefix(strings[channel]).orElse(0);
            default:
                return numbers[channel];
        }
    }

    public String getString(int channel) {
        switch (format) {
            case STRING:
                return strings[channel];
            case FLOAT32:
                return LslNumbers.showpoint(getFloat(channel), 8);
            case DOUBLE64:
                return LslNumbers.showpoint(getDouble(channel), 16);
            default:
                return Long.toString(numbers[channel]);
        }
    }

    public void setFloat(int channel, float value) {
        switch (format) {
            case FLOAT32:
                numbers[channel] = Float.floatToRawIntBits(value) & 0xFFFF_FFFFL;
                break;
            case DOUBLE64:
                numbers[channel] = Double.doubleToRawLongBits(value);
                break;
            case STRING:
                strings[channel] = LslNumbers.showpoint(value, 8);
                break;
            default:
                setRaw(channel, (long) value);
        }
    }

    public void setDouble(int channel, double value) {
        switch (format) {
            case FLOAT32:
                numbers[channel] = Float.floatToRawIntBits((float) value) & 0xFFFF_FFFFL;
                break;
            case DOUBLE64:
                numbers[channel] = Double.doubleToRawLongBits(value);
                break;
            case STRING:
                strings[channel] = LslNumbers.showpoint(value, 16);
                break;
            default:
                setRaw(channel, (long) value);
        }
    }

    public void setLong(int channel, long value) {
        switch (format) {
            case FLOAT32:
                setFloat(channel, value);
                break;
            case DOUBLE64:
                setDouble(channel, value);
                break;
            case STRING:
                strings[channel] = Long.toString(value);
                break;
            default:
                setRaw(channel, value);
        }
    }

    public void setString(int channel, String value) {
        switch (format) {
            case STRING:
                strings[channel] = value == null ? "" : value;
                break;
            case FLOAT32:
            case DOUBLE64:
                setDouble(channel, LslNumbers.parseDoublePrefix(value).orElse(0));
                break;
            default:
                setRaw(channel, LslNumbers.parseLongPrefix(value).orElse(0));
        }
    }

    // --- whole samples from and to caller arrays, starting at an offset ------------------------------------------

    public void assign(float[] src, int offset) {
        for (int c = 0; c < channelCount; c++) {
            setFloat(c, src[offset + c]);
        }
    }

    public void assign(double[] src, int offset) {
        for (int c = 0; c < channelCount; c++) {
            setDouble(c, src[offset + c]);
        }
    }

    public void assign(int[] src, int offset) {
        for (int c = 0; c < channelCount; c++) {
            setLong(c, src[offset + c]);
        }
    }

    public void assign(short[] src, int offset) {
        for (int c = 0; c < channelCount; c++) {
            setLong(c, src[offset + c]);
        }
    }

    public void assign(byte[] src, int offset) {
        for (int c = 0; c < channelCount; c++) {
            setLong(c, src[offset + c]);
        }
    }

    public void assign(long[] src, int offset) {
        for (int c = 0; c < channelCount; c++) {
            setLong(c, src[offset + c]);
        }
    }

    public void assign(String[] src, int offset) {
        for (int c = 0; c < channelCount; c++) {
            setString(c, src[offset + c]);
        }
    }

    public void retrieve(float[] dst, int offset) {
        for (int c = 0; c < channelCount; c++) {
            dst[offset + c] = getFloat(c);
        }
    }

    public void retrieve(double[] dst, int offset) {
        for (int c = 0; c < channelCount; c++) {
            dst[offset + c] = getDouble(c);
        }
    }

    public void retrieve(int[] dst, int offset) {
        for (int c = 0; c < channelCount; c++) {
            dst[offset + c] = (int) getLong(c);
        }
    }

    public void retrieve(short[] dst, int offset) {
        for (int c = 0; c < channelCount; c++) {
            dst[offset + c] = (short) getLong(c);
        }
    }

    public void retrieve(byte[] dst, int offset) {
        for (int c = 0; c < channelCount; c++) {
            dst[offset + c] = (byte) getLong(c);
        }
    }

    public void retrieve(long[] dst, int offset) {
        for (int c = 0; c < channelCount; c++) {
            dst[offset + c] = getLong(c);
        }
    }

    public void retrieve(String[] dst, int offset) {
        for (int c = 0; c < channelCount; c++) {
            dst[offset + c] = getString(c);
        }
    }

    /**
     * Converts one sample from {@code values}, a float[], double[], int[], short[], byte[], long[] or String[],
     * starting at {@code offset}.
     */
    public void assignFrom(Object values, int offset) {
        if (values instanceof float[]) {
            assign((float[]) values, offset);
        } else if (values instanceof double[]) {
            assign((double[]) values, offset);
        } else if (values instanceof int[]) {
            assign((int[]) values, offset);
        } else if (values instanceof short[]) {
            assign((short[]) values, offset);
        } else if (values instanceof byte[]) {
            assign((byte[]) values, offset);
        } else if (values instanceof long[]) {
            assign((long[]) values, offset);
        } else {
            assign((String[]) values, offset);
        }
    }

    /** Converts this sample into {@code values} (one of the array types of {@link #assignFrom}) at {@code offset}. */
    public void retrieveInto(Object values, int offset) {
        if (values instanceof float[]) {
            retrieve((float[]) values, offset);
        } else if (values instanceof double[]) {
            retrieve((double[]) values, offset);
        } else if (values instanceof int[]) {
            retrieve((int[]) values, offset);
        } else if (values instanceof short[]) {
            retrieve((short[]) values, offset);
        } else if (values instanceof byte[]) {
            retrieve((byte[]) values, offset);
        } else if (values instanceof long[]) {
            retrieve((long[]) values, offset);
        } else {
            retrieve((String[]) values, offset);
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Sample[t=").append(timestamp).append(',');
        for (int c = 0; c < channelCount; c++) {
            b.append(' ').append(getString(c));
        }
        return b.append(']').toString();
    }
}
