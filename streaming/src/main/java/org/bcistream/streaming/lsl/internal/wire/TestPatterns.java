package org.bcistream.streaming.lsl.internal.wire;

import org.bcistream.streaming.lsl.ChannelFormat;

/**
 * The two test-pattern samples every data connection starts with (spec 2.4, liblsl
 * {@code sample::assign_test_pattern}): explicit time stamp 123456.789, offsets 4 then 2; channel {@code k} holds
 * {@code k + offset} plus a per-format base (double64 16777217, int32 65537, int16 257, int8 1, int64 2147483649),
 * reduced modulo the type's maximum for int8/16/32, negated for odd {@code k}; strings are the decimal
 * {@code k + 10}, negated for odd {@code k}. Receivers compare them bit-exactly.
 */
public final class TestPatterns {
    /** The time stamp of both patterns. */
    public static final double TIMESTAMP = 123456.789;
    /** The offsets of the first and second pattern. */
    public static final int[] OFFSETS = {4, 2};

    private TestPatterns() {}

    /** Fills {@code s} with the pattern of {@code offset} (4 or 2). */
    public static void fill(Sample s, int offset) {
        s.setTimestamp(TIMESTAMP);
        s.setPushthrough(true);
        for (int k = 0; k < s.channelCount(); k++) {
            long sign = (k % 2 == 0) ? 1 : -1;
            switch (s.format()) {
                case FLOAT32:
                    s.setFloat(k, (float) (sign * (k + offset)));
                    break;
                case DOUBLE64:
                    s.setDouble(k, sign * (double) (k + offset + 16777217L));
                    break;
                case INT32:
                    s.setRaw(k, sign * ((k + offset + 65537L) % Integer.MAX_VALUE));
                    break;
                case INT16:
                    s.setRaw(k, sign * ((k + offset + 257L) % Short.MAX_VALUE));
                    break;
                case INT8:
                    s.setRaw(k, sign * ((k + offset + 1L) % Byte.MAX_VALUE));
                    break;
                case INT64:
                    s.setRaw(k, sign * (k + 2147483649L + offset));
                    break;
                default:
                    s.setString(k, Long.toString(sign * (k + 10)));
            }
        }
    }

    /** A new sample holding the pattern of {@code offset}. */
    public static Sample of(ChannelFormat format, int channelCount, int offset) {
        Sample s = new Sample(format, channelCount);
        fill(s, offset);
        return s;
    }
}
