package org.bcistream.streaming.recording.xdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds XDF files byte by byte, for tests of malformed input the writer would never produce. */
final class XdfBytes {
    static final String FILE_HEADER = "<?xml version=\"1.0\"?><info><version>1.0</version></info>";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The magic and a FileHeader. */
    static XdfBytes file() {
        return new XdfBytes().raw(Xdf.MAGIC).chunk(Xdf.TAG_FILE_HEADER, null, utf8(FILE_HEADER));
    }

    /** A stream header of the given format, channel count and rate. */
    static String header(String format, int channels, double rate) {
        return "<?xml version=\"1.0\"?><info><name>S</name><type>T</type><channel_count>" + channels
                + "</channel_count><nominal_srate>" + rate + "</nominal_srate><channel_format>" + format
                + "</channel_format></info>";
    }

    XdfBytes raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A chunk with a correct length field (1-byte width when it fits, else 4). */
    XdfBytes chunk(int tag, Integer streamId, byte[] content) {
        long length = 2 + (streamId == null ? 0 : 4) + content.length;
        if (length < 256) {
            raw((byte) 1, (byte) length);
        } else {
            raw((byte) 4).raw(le32((int) length));
        }
        raw(le16(tag));
        if (streamId != null) {
            raw(le32(streamId));
        }
        return raw(content);
    }

    XdfBytes streamHeader(int id, String xml) {
        return chunk(Xdf.TAG_STREAM_HEADER, id, utf8(xml));
    }

    XdfBytes clockOffset(int id, double time, double value) {
        return chunk(Xdf.TAG_CLOCK_OFFSET, id, concat(le64(time), le64(value)));
    }

    XdfBytes boundary() {
        return chunk(Xdf.TAG_BOUNDARY, null, Xdf.BOUNDARY_SIGNATURE);
    }

    /** A Samples chunk of a one-channel float32 stream with explicit time stamps. */
    XdfBytes floatSamples(int id, double[] stamps, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(5 + stamps.length * 13).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 4).putInt(stamps.length);
        for (int i = 0; i < stamps.length; i++) {
            b.put((byte) 8).putDouble(stamps[i]).putFloat(values[i]);
        }
        return chunk(Xdf.TAG_SAMPLES, id, b.array());
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] le16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    static byte[] le64(double v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(v).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
