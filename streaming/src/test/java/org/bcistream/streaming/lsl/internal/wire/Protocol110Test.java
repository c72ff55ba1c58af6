package org.bcistream.streaming.lsl.internal.wire;

import static org.bcistream.streaming.lsl.internal.wire.WireFixtures.hex;
import static org.bcistream.streaming.lsl.internal.wire.WireFixtures.input;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.params.provider.EnumSource;

class Protocol110Test {

    @Test
    void explicitAndDeducedSamplesOfTheCapturedExchange() {
        // spec 2.9: sample 1028.98 explicit [10,11,12], then a deduced [20,21,22]
        WireOutput out = new WireOutput(ByteOrder.LITTLE_ENDIAN);
        Sample s = new Sample(ChannelFormat.FLOAT32, 3);
        s.assign(new float[] {10, 11, 12}, 0);
        s.setTimestamp(1028.98);
        Protocol110.write(s, out);
        s.assign(new float[] {20, 21, 22}, 0);
        s.setTimestamp(Lsl.DEDUCED_TIMESTAMP);
        Protocol110.write(s, out);
        String ts = hex(java.nio.ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(1028.98).array());
        assertEquals("02" + ts + "00002041" + "00003041" + "00004041" + "01" + "0000a041" + "0000a841" + "0000b041",
                hex(out.toByteArray()));
    }

    @Test
    void stringLengthPrefixes() throws IOException {
        WireOutput out = new WireOutput(ByteOrder.LITTLE_ENDIAN);
        Sample s = new Sample(ChannelFormat.STRING, 3);
        String long299 = "x".repeat(299);
        s.assign(new String[] {"", "héllo", long299}, 0);
        s.setTimestamp(Lsl.DEDUCED_TIMESTAMP);
        Protocol110.write(s, out);
        byte[] bytes = out.toByteArray();
        // empty string = 01 00; "héllo" = 6 UTF-8 bytes with n=1; 299 bytes need n=4 (captured)
        assertEquals("01" + "0100" + "0106" + "68c3a96c6c6f" + "04" + "2b010000", hex(bytes).substring(0, 32));
        Sample back = new Sample(ChannelFormat.STRING, 3);
        Protocol110.read(input(bytes), back, false);
        String[] values = new String[3];
        back.retrieve(values, 0);
        assertArrayEquals(new String[] {"", "héllo", long299}, values);
        assertTrue(back.isDeduced());
    }

    @Test
    void readerAcceptsTwoByteLengthsAndRejectsOtherWidths() throws IOException {
        Sample s = new Sample(ChannelFormat.STRING, 1);
        Protocol110.read(input(hex("01 02 0300 616263")), s, false);
        String[] v = new String[1];
        s.retrieve(v, 0);
        assertEquals("abc", v[0]);
        assertThrows(LslProtocolException.class, () -> Protocol110.read(input(hex("01 03 030000 616263")), s, false));
        assertThrows(java.io.EOFException.class, () -> Protocol110.read(input(hex("01 01 05 6162")), s, false));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ChannelFormat.class)
    void everyFormatRoundTripsInBothByteOrders(ChannelFormat format) throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            Sample s = TestPatterns.of(format, 5, 4);
            s.setTimestamp(42.25);
            WireOutput out = new WireOutput(order);
            Protocol110.write(s, out);
            WireInput in = input(out.toByteArray());
            in.setByteOrder(order);
            Sample back = new Sample(format, 5);
            Protocol110.read(in, back, false);
            assertTrue(back.sameValues(s), order + ": " + back);
            assertEquals(42.25, back.timestamp());
        }
    }

    @Test
    void suppressSubnormalsFlushesToSignedZero() throws IOException {
        WireOutput out = new WireOutput(ByteOrder.LITTLE_ENDIAN);
        Sample s = new Sample(ChannelFormat.FLOAT32, 3);
        s.assign(new float[] {Float.MIN_VALUE, -Float.MIN_VALUE, 1.5f}, 0);
        Protocol110.write(s, out);
        Sample back = new Sample(ChannelFormat.FLOAT32, 3);
        Protocol110.read(input(out.toByteArray()), back, true);
        float[] v = new float[3];
        back.retrieve(v, 0);
        assertEquals(Float.floatToRawIntBits(0.0f), Float.floatToRawIntBits(v[0]));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(v[1]));
        assertEquals(1.5f, v[2]);
        Protocol110.read(input(out.toByteArray()), back, false);
        back.retrieve(v, 0);
        assertEquals(Float.MIN_VALUE, v[0]);
    }
}
