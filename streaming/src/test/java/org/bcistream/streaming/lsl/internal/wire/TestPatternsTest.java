package org.bcistream.streaming.lsl.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestPatternsTest {

    /** Spec 2.4, captured for 3 channels: pattern 4, then pattern 2. */
    static Stream<Arguments> capturedPatterns() {
        return Stream.of(
                Arguments.of(ChannelFormat.FLOAT32, new String[] {"4", "-5", "6"}, new String[] {"2", "-3", "4"}),
                Arguments.of(ChannelFormat.DOUBLE64, new String[] {"16777221", "-16777222", "16777223"},
                        new String[] {"16777219", "-16777220", "16777221"}),
                Arguments.of(ChannelFormat.INT32, new String[] {"65541", "-65542", "65543"},
                        new String[] {"65539", "-65540", "65541"}),
                Arguments.of(ChannelFormat.INT16, new String[] {"261", "-262", "263"},
                        new String[] {"259", "-260", "261"}),
                Arguments.of(ChannelFormat.INT8, new String[] {"5", "-6", "7"}, new String[] {"3", "-4", "5"}),
                Arguments.of(ChannelFormat.INT64, new String[] {"2147483653", "-2147483654", "2147483655"},
                        new String[] {"2147483651", "-2147483652", "2147483653"}),
                Arguments.of(ChannelFormat.STRING, new String[] {"10", "-11", "12"},
                        new String[] {"10", "-11", "12"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedPatterns")
    void patternsMatchTheCapturedValues(ChannelFormat format, String[] four, String[] two) {
        long[] expectedFour = new long[3];
        long[] expectedTwo = new long[3];
        for (int k = 0; k < 3; k++) {
            if (format != ChannelFormat.STRING) {
                expectedFour[k] = Long.parseLong(four[k]);
                expectedTwo[k] = Long.parseLong(two[k]);
            }
        }
        Sample s4 = TestPatterns.of(format, 3, 4);
        Sample s2 = TestPatterns.of(format, 3, 2);
        assertEquals(TestPatterns.TIMESTAMP, s4.timestamp());
        String[] text = new String[3];
        s4.retrieve(text, 0);
        long[] values = new long[3];
        s4.retrieve(values, 0);
        if (format == ChannelFormat.STRING) {
            assertArrayEquals(four, text);
        } else {
            assertArrayEquals(expectedFour, values);
        }
        s2.retrieve(text, 0);
        s2.retrieve(values, 0);
        if (format == ChannelFormat.STRING) {
            assertArrayEquals(two, text);
        } else {
            assertArrayEquals(expectedTwo, values);
        }
    }

    @Test
    void float32PatternBytesAreTheCapturedOnes() {
        WireOutput out = new WireOutput(ByteOrder.LITTLE_ENDIAN);
        Protocol110.write(TestPatterns.of(ChannelFormat.FLOAT32, 3, 4), out);
        Protocol110.write(TestPatterns.of(ChannelFormat.FLOAT32, 3, 2), out);
        assertEquals("02c976be9f0c24fe40" + "00008040" + "0000a0c0" + "0000c040"
                + "02c976be9f0c24fe40" + "00000040" + "000040c0" + "00008040", HexFormat.of().formatHex(out.toByteArray()));
    }

    @Test
    void bigEndianPatternReversesEveryField() {
        WireOutput out = new WireOutput(ByteOrder.BIG_ENDIAN);
        Protocol110.write(TestPatterns.of(ChannelFormat.FLOAT32, 3, 4), out);
        assertEquals("0240fe240c9fbe76c9" + "40800000" + "c0a00000" + "40c00000",
                HexFormat.of().formatHex(out.toByteArray()));
    }
}
