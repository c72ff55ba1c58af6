package org.bcistream.models.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds RIFF/WAVE byte images chunk by chunk, including malformed ones, for reader tests. */
final class WavBytes {
    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private String magic = "RIFF";
    private Long riffSize;

    static WavBytes riff() {
        return new WavBytes();
    }

    WavBytes magic(String value) {
        magic = value;
        return this;
    }

    /** Overrides the RIFF size field (otherwise computed). */
    WavBytes riffSize(long value) {
        riffSize = value;
        return this;
    }

    /** A 16-byte PCM fmt chunk with consistent block align and byte rate. */
    WavBytes fmt(int channels, int rate, int bits) {
        int align = channels * bits / 8;
        return fmt(1, channels, rate, (long) rate * align, align, bits);
    }

    WavBytes fmt(int tag, int channels, int rate, long byteRate, int blockAlign, int bits) {
        return chunk("fmt ", le(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt((int) byteRate).putShort((short) blockAlign).putShort((short) bits).array());
    }

    /** WAVE_FORMAT_EXTENSIBLE with the PCM sub-format GUID. */
    WavBytes fmtExtensible(int channels, int rate) {
        int align = channels * 2;
        ByteBuffer b = le(40).putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * align)
                .putShort((short) align).putShort((short) 16).putShort((short) 22).putShort((short) 16)
                .putInt(channels == 1 ? 4 : 3).putShort((short) 1).putShort((short) 0)
                .put(new byte[] {0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    WavBytes data(short... codes) {
        ByteBuffer b = le(codes.length * 2);
        for (short c : codes) {
            b.putShort(c);
        }
        return chunk("data", b.array());
    }

    /** A chunk with its declared size; odd sizes get the pad byte. */
    WavBytes chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A chunk whose size field says {@code declared}, whatever the body length. */
    WavBytes chunk(String id, long declared, byte[] body) {
        chunks.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        chunks.writeBytes(le(4).putInt((int) declared).array());
        chunks.writeBytes(body);
        if (body.length % 2 == 1) {
            chunks.write(0);
        }
        return this;
    }

    byte[] bytes() {
        byte[] body = chunks.toByteArray();
        ByteBuffer b = le(12 + body.length);
        b.put(magic.getBytes(StandardCharsets.US_ASCII)).putInt((int) (riffSize != null ? riffSize : 4 + body.length));
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(body);
        return b.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
