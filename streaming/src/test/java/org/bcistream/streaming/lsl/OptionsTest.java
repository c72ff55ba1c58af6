package org.bcistream.streaming.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OptionsTest {

    @Test
    void bufferLengthsInSamplesAsLiblsl() {
        assertEquals(36000, BufferUnit.SECONDS.toSamples(360, 100.0));
        assertEquals(36000, BufferUnit.SECONDS.toSamples(360, Lsl.IRREGULAR_RATE), "x100 for irregular streams");
        assertEquals(1, BufferUnit.SECONDS.toSamples(0, 250.0), "at least one sample");
        assertEquals(7, BufferUnit.SAMPLES.toSamples(7, 250.0));
        assertEquals(Integer.MAX_VALUE, BufferUnit.SECONDS.toSamples(Integer.MAX_VALUE, 1e6));
    }

    @Test
    void optionsValidateAndCopy() {
        assertEquals(new OutletOptions(0, 360, BufferUnit.SECONDS), OutletOptions.DEFAULTS);
        assertEquals(new InletOptions(360, BufferUnit.SECONDS, 0, true), InletOptions.DEFAULTS);
        OutletOptions o = OutletOptions.DEFAULTS.withChunkSize(10).withMaxBuffered(5, BufferUnit.SAMPLES);
        assertEquals(new OutletOptions(10, 5, BufferUnit.SAMPLES), o);
        InletOptions i = InletOptions.DEFAULTS.withMaxChunkLength(32).withMaxBuffer(2, BufferUnit.SECONDS)
                .withRecover(false);
        assertEquals(new InletOptions(2, BufferUnit.SECONDS, 32, false), i);
        assertFalse(i.recover());
        assertThrows(LslArgumentException.class, () -> new OutletOptions(-1, 360, BufferUnit.SECONDS));
        assertThrows(LslArgumentException.class, () -> new InletOptions(360, null, 0, true));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ChannelFormat.class)
    void channelFormatsByCodeAndName(ChannelFormat f) {
        assertEquals(f, ChannelFormat.fromCode(f.code()));
        assertEquals(f, ChannelFormat.fromXmlName(f.xmlName()));
    }

    @Test
    void unknownChannelFormats() {
        assertThrows(LslArgumentException.class, () -> ChannelFormat.fromCode(0), "cft_undefined");
        assertThrows(LslArgumentException.class, () -> ChannelFormat.fromXmlName("Float32"), "case-sensitive");
        assertEquals(LslImplementation.NATIVE, LslImplementation.parse(" native "));
    }
}
