package org.bcistream.streaming.lsl.internal.wire;

import static org.bcistream.streaming.lsl.internal.wire.WireFixtures.hex;
import static org.bcistream.streaming.lsl.internal.wire.WireFixtures.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PortableArchiveTest {

    @Test
    void capturedFloat32Samples() throws IOException {
        // spec 2.7, captured: test pattern 4 and a deduced sample [20,21,22]
        String pattern = "0102 08c976be9f0c24fe40 0400008040 040000a0c0 040000c040";
        String deduced = "0101 040000a041 040000a841 040000b041";
        WireOutput out = new WireOutput(ByteOrder.LITTLE_ENDIAN);
        PortableArchive.writeSample(out, TestPatterns.of(ChannelFormat.FLOAT32, 3, 4));
        Sample s = new Sample(ChannelFormat.FLOAT32, 3);
        s.assign(new float[] {20, 21, 22}, 0);
        s.setTimestamp(Lsl.DEDUCED_TIMESTAMP);
        PortableArchive.writeSample(out, s);
        assertEquals(hex(hex(pattern + deduced)), hex(out.toByteArray()));

        WireInput in = input(hex(pattern + deduced));
        Sample back = new Sample(ChannelFormat.FLOAT32, 3);
        PortableArchive.readSample(in, back);
        assertTrue(back.sameValues(TestPatterns.of(ChannelFormat.FLOAT32, 3, 4)));
        assertEquals(123456.789, back.timestamp());
        PortableArchive.readSample(in, back);
        assertTrue(back.isDeduced());
        assertEquals(21f, back.getFloat(1));
    }

    @Test
    void headerAndShortinfoLength() throws IOException {
        String xml = "x".repeat(607);
        WireOutput out = new WireOutput(ByteOrder.LITTLE_ENDIAN);
        PortableArchive.writeHeader(out, xml);
        PortableArchive.writeClassHeader(out);
        byte[] bytes = out.toByteArray();
        // 7F 01 09, then the length 607 as 02 5F 02 (captured), the bytes, then the class header 00 00
        assertEquals("7f0109025f02", hex(bytes).substring(0, 12));
        assertEquals("0000", hex(bytes).substring(hex(bytes).length() - 4));
        WireInput in = input(bytes);
        assertEquals(xml, PortableArchive.readHeader(in));
        assertThrows(LslProtocolException.class, () -> PortableArchive.readHeader(input(hex("160109"))));
    }

    @ParameterizedTest(name = "{0} as {1}-byte type = {2}")
    @CsvSource({
        "0, 4, 00",
        "1, 4, 0101",
        "-1, 4, ffff",
        "128, 4, 0180",
        "-128, 4, ff80",
        "-129, 4, ff7f",
        "256, 2, 020001",
        "2147483647, 4, 04ffffff7f",
        "-6, 1, fffa",
        "100, 1, 0164",
        "-9223372036854775808, 8, f80000000000000080"
    })
    void signedIntegerEncoding(long value, int width, String bytes) throws IOException {
        WireOutput out = new WireOutput(ByteOrder.LITTLE_ENDIAN);
        PortableArchive.writeSigned(out, value, width);
        assertEquals(bytes, hex(out.toByteArray()));
        assertEquals(value, PortableArchive.readSigned(input(hex(bytes)), width));
    }

    @Test
    void unsignedIntegersUseTheHighestNonZeroByte() throws IOException {
        WireOutput out = new WireOutput(ByteOrder.LITTLE_ENDIAN);
        PortableArchive.writeUnsigned(out, 0xFFFF_FFFFL);
        assertEquals("04ffffffff", hex(out.toByteArray()));
        assertThrows(LslProtocolException.class, () -> PortableArchive.readUnsigned(input(hex("ff01")), 4));
        assertThrows(LslProtocolException.class, () -> PortableArchive.readSigned(input(hex("050102030405")), 4));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ChannelFormat.class)
    void everyFormatRoundTrips(ChannelFormat format) throws IOException {
        WireOutput out = new WireOutput(ByteOrder.LITTLE_ENDIAN);
        Sample s = TestPatterns.of(format, 4, 2);
        PortableArchive.writeSample(out, s);
        Sample back = new Sample(format, 4);
        PortableArchive.readSample(input(out.toByteArray()), back);
        assertTrue(back.sameValues(s));
        assertEquals(s.timestamp(), back.timestamp());
    }
}
