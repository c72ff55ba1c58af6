package org.bcistream.streaming.lsl.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bcistream.streaming.lsl.ChannelFormat;
import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void floatToIntegerTruncatesTowardZeroAndWrapsToTheWidth() {
        Sample s = new Sample(ChannelFormat.INT16, 4);
        s.assign(new float[] {1.9f, -1.9f, 40000f, Float.NaN}, 0);
        short[] out = new short[4];
        s.retrieve(out, 0);
        assertArrayEquals(new short[] {1, -1, (short) 40000, 0}, out);
    }

    @Test
    void numbersBecomeLiblslTextAndTextBecomesNumbers() {
        Sample strings = new Sample(ChannelFormat.STRING, 3);
        strings.assign(new double[] {1.5, -2, 0.1}, 0);
        String[] text = new String[3];
        strings.retrieve(text, 0);
        assertArrayEquals(new String[] {"1.500000000000000", "-2.000000000000000", "0.1000000000000000"}, text);
        strings.assign(new float[] {1.5f, 0, 0}, 0);
        strings.retrieve(text, 0);
        assertEquals("1.5000000", text[0]);
        strings.assign(new long[] {7, -8, 9}, 0);
        strings.retrieve(text, 0);
        assertArrayEquals(new String[] {"7", "-8", "9"}, text);

        Sample numbers = new Sample(ChannelFormat.DOUBLE64, 3);
        numbers.assign(new String[] {" 2.5 volts", "abc", "-1e3"}, 0);
        double[] values = new double[3];
        numbers.retrieve(values, 0);
        assertArrayEquals(new double[] {2.5, 0, -1000}, values);
    }

    @Test
    void rawValuesAreMaskedToTheFormat() {
        Sample s = new Sample(ChannelFormat.INT8, 2);
        s.setRaw(0, 0xFF);
        s.setRaw(1, 0x17F);
        assertEquals(-1, s.raw(0));
        assertEquals(127, s.raw(1));
        Sample f = new Sample(ChannelFormat.FLOAT32, 1);
        f.setFloat(0, -0.0f);
        assertEquals(0x8000_0000L, f.raw(0));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(f.getFloat(0)));
    }

    @Test
    void int64KeepsAllBits() {
        Sample s = new Sample(ChannelFormat.INT64, 2);
        s.assign(new long[] {Long.MAX_VALUE, Long.MIN_VALUE}, 0);
        long[] out = new long[2];
        s.retrieve(out, 0);
        assertArrayEquals(new long[] {Long.MAX_VALUE, Long.MIN_VALUE}, out);
    }
}
