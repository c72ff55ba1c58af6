package org.bcistream.streaming.lsl.internal.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslProtocolException;

/**
 * The per-sample layout of data protocol 1.10 (spec 2.5), samples concatenated without framing:
 *
 * <pre>
 *   tag      1 byte: 0x01 = deduced time stamp (nothing follows), else 0x02 + 8-byte IEEE double
 *   values   numeric: channelCount x valueSize bytes in the negotiated byte order
 *            string:  per channel n (1, 2, 4 or 8) + length as n-byte unsigned + raw UTF-8 bytes
 * </pre>
 *
 * Writers use n = 1 up to 255 bytes, 4 up to 2^32 - 1, else 8 (as liblsl); readers also take n = 2.
 */
public final class Protocol110 {
    /** Tag of a sample without a time stamp. */
    public static final int TAG_DEDUCED = 1;
    /** Tag of a sample followed by its time stamp. */
    public static final int TAG_TRANSMITTED = 2;
    /** The largest string value a reader accepts, in bytes. */
    public static final int MAX_STRING_BYTES = 64 << 20;

    private Protocol110() {}

    /** Appends {@code s} to {@code out} in {@code out}'s byte order. */
    public static void write(Sample s, WireOutput out) {
        if (s.isDeduced()) {
            out.put(TAG_DEDUCED);
        } else {
            out.put(TAG_TRANSMITTED);
            out.putValue(Double.doubleToRawLongBits(s.timestamp()), 8);
        }
        ChannelFormat format = s.format();
        if (format == ChannelFormat.STRING) {
            for (int c = 0; c < s.channelCount(); c++) {
                byte[] bytes = s.getString(c).getBytes(StandardCharsets.UTF_8);
                if (bytes.length <= 0xFF) {
                    out.put(1);
                    out.put(bytes.length);
                } else {
                    out.put(4);
                    out.putValue(bytes.length, 4);
                }
                out.put(bytes);
            }
        } else {
            int width = format.valueSize();
            for (int c = 0; c < s.channelCount(); c++) {
                out.putValue(s.raw(c), width);
            }
        }
    }

    /**
     * Reads one sample into {@code s}; a deduced sample gets time stamp {@link Lsl#DEDUCED_TIMESTAMP}.
     *
     * @param suppressSubnormals flush subnormal float32/double64 values to signed zero (the server's
     *     {@code Suppress-Subnormals: 1})
     * @throws LslProtocolException if a string length prefix is invalid or too long
     */
    public static void read(WireInput in, Sample s, boolean suppressSubnormals) throws IOException {
        read(in, s, suppressSubnormals, new long[s.channelCount()]);
    }

    /** As {@link #read(WireInput, Sample, boolean)}, with a caller-owned buffer of {@code channelCount} longs. */
    public static void read(WireInput in, Sample s, boolean suppressSubnormals, long[] values) throws IOException {
        int tag = in.readUnsignedByte();
        s.setTimestamp(tag == TAG_DEDUCED ? Lsl.DEDUCED_TIMESTAMP : Double.longBitsToDouble(in.readValue(8)));
        ChannelFormat format = s.format();
        if (format == ChannelFormat.STRING) {
            for (int c = 0; c < s.channelCount(); c++) {
                int n = in.readUnsignedByte();
                if (n != 1 && n != 2 && n != 4 && n != 8) {
                    throw new LslProtocolException("invalid string length prefix width " + n
                            + " (stream contents corrupted)");
                }
                long length = in.readValue(n);
                if (length < 0 || length > MAX_STRING_BYTES) {
                    throw new LslProtocolException("string value of " + Long.toUnsignedString(length)
                            + " bytes exceeds the limit of " + MAX_STRING_BYTES);
                }
                s.setString(c, new String(in.readBytes((int) length), StandardCharsets.UTF_8));
            }
        } else {
            in.readValues(values, s.channelCount(), format.valueSize());
            for (int c = 0; c < s.channelCount(); c++) {
                s.setRaw(c, suppressSubnormals ? flushSubnormal(format, values[c]) : values[c]);
            }
        }
    }

    private static long flushSubnormal(ChannelFormat format, long raw) {
        if (format == ChannelFormat.FLOAT32) {
            long magnitude = raw & 0x7FFF_FFFFL;
            return magnitude != 0 && magnitude <= 0x007F_FFFFL ? raw & 0x8000_0000L : raw;
        }
        if (format == ChannelFormat.DOUBLE64) {
            long magnitude = raw & 0x7FFF_FFFF_FFFF_FFFFL;
            return magnitude != 0 && magnitude <= 0x000F_FFFF_FFFF_FFFFL ? raw & 0x8000_0000_0000_0000L : raw;
        }
        return raw;
    }
}
