package org.bcistream.streaming.kafka;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The primitives of Avro's binary encoding (zig-zag varints, little-endian floats and doubles, length-prefixed
 * UTF-8, blocked arrays), written and read directly so that reading can check every length and count against
 * the bytes that are left before allocating anything: a hostile record never makes the reader allocate more
 * than its own size.
 */
final class AvroBinary {
    private AvroBinary() {}

    /** Appends Avro binary values to a growing buffer. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Writer raw(int b) {
            out.write(b);
            return this;
        }

        Writer writeLong(long v) {
            long z = (v << 1) ^ (v >> 63);
            while ((z & ~0x7FL) != 0) {
                out.write((int) ((z & 0x7F) | 0x80));
                z >>>= 7;
            }
            out.write((int) z);
            return this;
        }

        Writer writeInt(int v) {
            return writeLong(v);
        }

        Writer writeDouble(double v) {
            long bits = Double.doubleToRawLongBits(v);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)));
            }
            return this;
        }

        Writer writeFloat(float v) {
            int bits = Float.floatToRawIntBits(v);
            for (int i = 0; i < 4; i++) {
                out.write(bits >>> (8 * i));
            }
            return this;
        }

        Writer writeString(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeLong(utf8.length);
            out.write(utf8, 0, utf8.length);
            return this;
        }

        /** Starts an array of {@code count} items as one block; end it with {@link #endArray()} after the items. */
        Writer startArray(int count) {
            if (count > 0) {
                writeLong(count);
            }
            return this;
        }

        Writer endArray() {
            return writeLong(0);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Reads Avro binary values from a byte array, refusing anything that reaches past its end. */
    static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes, int start) {
            this.bytes = bytes;
            this.position = start;
        }

        int position() {
            return position;
        }

        int remaining() {
            return bytes.length - position;
        }

        long readLong() throws Malformed {
            long z = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw new Malformed("the record ends inside a number at byte " + position);
                }
                int b = bytes[position++] & 0xFF;
                z |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (z >>> 1) ^ -(z & 1);
                }
            }
            throw new Malformed("a number longer than 10 bytes ends at byte " + position);
        }

        int readInt() throws Malformed {
            long v = readLong();
            if (v != (int) v) {
                throw new Malformed("the int before byte " + position + " is " + v + ", outside the int range");
            }
            return (int) v;
        }

        double readDouble() throws Malformed {
            need(8, "a double");
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (long) (bytes[position++] & 0xFF) << (8 * i);
            }
            return Double.longBitsToDouble(bits);
        }

        float readFloat() throws Malformed {
            need(4, "a float");
            int bits = 0;
            for (int i = 0; i < 4; i++) {
                bits |= (bytes[position++] & 0xFF) << (8 * i);
            }
            return Float.intBitsToFloat(bits);
        }

        String readString(String what) throws Malformed {
            long length = readLong();
            if (length < 0 || length > remaining()) {
                throw new Malformed(String.format(Locale.ROOT, "%s at byte %d claims %d bytes; %d are left", what, position,
                        length, remaining()));
            }
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes, position, (int) length)).toString();
                position += (int) length;
                return s;
            } catch (CharacterCodingException e) {
                throw new Malformed(what + " at byte " + position + " is not valid UTF-8");
            }
        }

        /**
         * Reads the item count of the next array block (0 at the end of the array), checking that the block's
         * items, at {@code minItemBytes} each, fit in what is left.
         */
        int readBlockCount(String what, int minItemBytes) throws Malformed {
            long count = readLong();
            if (count < 0) {
                count = -count;
                long size = readLong();
                if (size < 0 || size > remaining()) {
                    throw new Malformed(String.format(Locale.ROOT, "%s block at byte %d claims %d bytes; %d are left", what,
                            position, size, remaining()));
                }
            }
            if (count > remaining() / minItemBytes) {
                throw new Malformed(String.format(Locale.ROOT, "%s at byte %d claims %d items; the %d bytes left hold at most %d",
                        what, position, count, remaining(), remaining() / minItemBytes));
            }
            return (int) count;
        }

        int readEnum(String what, int symbols) throws Malformed {
            int index = readInt();
            if (index < 0 || index >= symbols) {
                throw new Malformed(String.format(Locale.ROOT, "%s before byte %d is symbol %d; there are %d", what, position,
                        index, symbols));
            }
            return index;
        }

        private void need(int count, String what) throws Malformed {
            if (remaining() < count) {
                throw new Malformed("the record ends inside " + what + " at byte " + position);
            }
        }
    }

    /** Bytes that break the Avro binary encoding or the schema. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }
}
