package org.bcistream.streaming.lsl.internal.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslProtocolException;

/**
 * Data protocol 1.00, boost's "portable binary archive" as liblsl uses it (spec 2.7):
 *
 * <pre>
 *   archive header  7F 01 09          magic 0x7F, archive version 9 as an integer
 *   shortinfo       integer length + XML bytes
 *   class header    00 00             before the first sample only
 *   each sample     tag as integer (01 01 deduced, 01 02 + time stamp), then the values
 * </pre>
 *
 * Integers are a signed size byte {@code s} and {@code |s|} little-endian bytes ({@code 00} alone for zero;
 * {@code s < 0} means negative, sign-extended with 0xFF); signed types use the fewest bytes after which the value
 * shifted right is 0 or -1, unsigned types the index of the highest non-zero byte + 1, 1-byte types always 1.
 * float32, double64 and the time stamp travel as their IEEE bit patterns, unsigned; strings as an unsigned length and
 * raw bytes.
 */
public final class PortableArchive {
    /** The magic first byte. */
    public static final int MAGIC = 0x7F;
    /** The archive version liblsl writes. */
    public static final int VERSION = 9;

    private PortableArchive() {}

    // --- writing ---------------------------------------------------------------------------------------------

    /** The archive header followed by the shortinfo string. */
    public static void writeHeader(WireOutput out, String shortInfo) {
        out.put(MAGIC);
        writeSigned(out, VERSION, 4);
        writeString(out, shortInfo);
    }

    /** The two-byte class header written before the first sample. */
    public static void writeClassHeader(WireOutput out) {
        out.put(0);
        out.put(0);
    }

    /** One sample. */
    public static void writeSample(WireOutput out, Sample s) {
        writeSigned(out, s.isDeduced() ? Protocol110.TAG_DEDUCED : Protocol110.TAG_TRANSMITTED, 1);
        if (!s.isDeduced()) {
            writeUnsigned(out, Double.doubleToRawLongBits(s.timestamp()));
        }
        for (int c = 0; c < s.channelCount(); c++) {
            switch (s.format()) {
                case FLOAT32:
                case DOUBLE64:
                    writeUnsigned(out, s.raw(c));
                    break;
                case STRING:
                    writeString(out, s.getString(c));
                    break;
                default:
                    writeSigned(out, s.raw(c), s.format().valueSize());
            }
        }
    }

    /** A signed integer of a {@code width}-byte type. */
    public static void writeSigned(WireOutput out, long value, int width) {
        if (value == 0) {
            out.put(0);
            return;
        }
        int size = 1;
        if (width > 1) {
            size = 0;
            long temp = value;
            do {
                temp >>= 8;
                size++;
            } while (temp != 0 && temp != -1);
        }
        out.put(value > 0 ? size : -size);
        out.putLittleEndian(value, size);
    }

    /** An unsigned integer (or bit pattern). */
    public static void writeUnsigned(WireOutput out, long value) {
        if (value == 0) {
            out.put(0);
            return;
        }
        int size = 0;
        long temp = value;
        do {
            temp >>>= 8;
            size++;
        } while (temp != 0);
        out.put(size);
        out.putLittleEndian(value, size);
    }

    private static void writeString(WireOutput out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeUnsigned(out, bytes.length);
        out.put(bytes);
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /**
     * Reads the archive header and returns the shortinfo XML.
     *
     * @throws LslProtocolException if the magic byte or version is wrong
     */
    public static String readHeader(WireInput in) throws IOException {
        int magic = in.readUnsignedByte();
        if (magic != MAGIC) {
            throw new LslProtocolException(String.format("not a portable archive: first byte 0x%02X, expected 0x7F",
                    magic));
        }
        long version = readSigned(in, 4);
        if (version < 1 || version > VERSION) {
            throw new LslProtocolException("unsupported portable archive version " + version);
        }
        return readString(in);
    }

    /** Reads the two-byte class header that precedes the first sample. */
    public static void readClassHeader(WireInput in) throws IOException {
        in.readBytes(2);
    }

    /** Reads one sample into {@code s}; a deduced sample gets {@link Lsl#DEDUCED_TIMESTAMP}. */
    public static void readSample(WireInput in, Sample s) throws IOException {
        long tag = readSigned(in, 1);
        s.setTimestamp(tag == Protocol110.TAG_DEDUCED ? Lsl.DEDUCED_TIMESTAMP
                : Double.longBitsToDouble(readUnsigned(in, 8)));
        ChannelFormat format = s.format();
        for (int c = 0; c < s.channelCount(); c++) {
            switch (format) {
                case FLOAT32:
                    s.setRaw(c, readUnsigned(in, 4));
                    break;
                case DOUBLE64:
                    s.setRaw(c, readUnsigned(in, 8));
                    break;
                case STRING:
                    s.setString(c, readString(in));
                    break;
                default:
                    s.setRaw(c, readSigned(in, format.valueSize()));
            }
        }
    }

    /**
     * A signed integer of a {@code width}-byte type.
     *
     * @throws LslProtocolException if the size byte exceeds the width
     */
    public static long readSigned(WireInput in, int width) throws IOException {
        int size = (byte) in.readUnsignedByte();
        if (size == 0) {
            return 0;
        }
        int n = Math.abs(size);
        if (n > width) {
            throw new LslProtocolException("portable archive integer of " + n + " bytes for a " + width
                    + "-byte type");
        }
        long v = in.readLittleEndian(n);
        if (size < 0 && n < 8) {
            v |= -1L << (8 * n);
        }
        return v;
    }

    /**
     * An unsigned integer of a {@code width}-byte type.
     *
     * @throws LslProtocolException if the size byte is negative or exceeds the width
     */
    public static long readUnsigned(WireInput in, int width) throws IOException {
        int size = (byte) in.readUnsignedByte();
        if (size < 0 || size > width) {
            throw new LslProtocolException("portable archive unsigned integer with size byte " + size + " for a "
                    + width + "-byte type");
        }
        return size == 0 ? 0 : in.readLittleEndian(size);
    }

    private static String readString(WireInput in) throws IOException {
        long length = readUnsigned(in, 8);
        if (length < 0 || length > Protocol110.MAX_STRING_BYTES) {
            throw new LslProtocolException("string of " + Long.toUnsignedString(length) + " bytes exceeds the limit of "
                    + Protocol110.MAX_STRING_BYTES);
        }
        return new String(in.readBytes((int) length), StandardCharsets.UTF_8);
    }
}
