package org.bcistream.streaming.lsl.internal.pure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.bcistream.streaming.lsl.InletOptions;
import org.bcistream.streaming.lsl.LslLostException;
import org.bcistream.streaming.lsl.LslProtocolException;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.LslTestSupport;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java inlet against scripted servers that speak the protocol as the spec describes it. */
class InletProtocolTest {
    private static final String OK_110 = "text:LSL/110 200 OK\r\nUID: " + FakeOutlet.UID + "\r\nByte-Order: 1234\r\n"
            + "Suppress-Subnormals: 0\r\nData-Protocol-Version: 110\r\n\r\n";
    /** Spec 2.4: both float32 test patterns, little endian (captured). */
    private static final String PATTERNS_LE = "02c976be9f0c24fe40 00008040 0000a0c0 0000c040"
            + "02c976be9f0c24fe40 00000040 000040c0 00008040";
    /** 1.00 archive: both float32 test patterns (pattern 4 captured; pattern 2 encoded alike). */
    private static final String PATTERNS_100 = "0102 08c976be9f0c24fe40 0400008040 040000a0c0 040000c040"
            + "0102 08c976be9f0c24fe40 0400000040 04000040c0 0400008040";
    /** 1.00 samples: explicit t=10.0 [1,2,3], then deduced [20,21,22] (captured). */
    private static final String DATA_100 = "0102 080000000000002440 040000803f 0400000040 0400004040"
            + "0101 040000a041 040000a841 040000b041";

    private LslRuntime lsl;

    @BeforeEach
    void open() {
        lsl = new PureLslRuntime(LslTestSupport.loopbackConfig());
    }

    @AfterEach
    void close() {
        lsl.close();
        LslTestSupport.assertNoLslThreads();
    }

    /** The 1.00 archive: header, the shortinfo (only its uid is checked), class header, patterns, data. */
    private static String archive() {
        String shortInfo = StreamInfo.builder().name("fake").channelCount(3).uid(FakeOutlet.UID).build()
                .toShortInfoXml();
        return "7f0109" + FakeOutlet.archiveString(shortInfo) + "0000" + PATTERNS_100 + DATA_100;
    }

    private static void expectArchiveData(StreamInlet inlet) {
        float[] data = new float[6];
        double[] stamps = new double[2];
        assertEquals(2, inlet.pullChunk(data, stamps, 10));
        assertArrayEquals(new float[] {1, 2, 3, 20, 21, 22}, data);
        assertArrayEquals(new double[] {10.0, 10.01}, stamps, 1e-12);
    }

    @Test
    void legacyProtocol100() throws IOException {
        try (FakeOutlet fake = new FakeOutlet(FakeOutlet.bytes(archive()), false);
                StreamInlet inlet = lsl.createInlet(fake.info(100, ""))) {
            inlet.openStream(10);
            expectArchiveData(inlet);
            assertEquals("LSL:streamfeed\n36000 0\n", fake.requests.get(0), "360 s x 100 Hz");
        }
    }

    @Test
    void protocol110DowngradedTo100() throws IOException {
        try (FakeOutlet fake = new FakeOutlet(FakeOutlet.bytes(
                OK_110.replace("Data-Protocol-Version: 110", "Data-Protocol-Version: 100"), archive()), false);
                StreamInlet inlet = lsl.createInlet(fake.info(110, ""))) {
            inlet.openStream(10);
            expectArchiveData(inlet);
            assertTrue(fake.requests.get(0).startsWith("LSL:streamfeed/110 " + FakeOutlet.UID + "\n"));
        }
    }

    @Test
    void bigEndianData() throws IOException {
        String patternsBe = "0240fe240c9fbe76c9 40800000 c0a00000 40c00000 0240fe240c9fbe76c9 40000000 c0400000 40800000";
        String sampleBe = "02 4024000000000000 3f800000 40000000 40400000 01 41a00000 41a80000 41b00000";
        try (FakeOutlet fake = new FakeOutlet(FakeOutlet.bytes(OK_110.replace("Byte-Order: 1234", "Byte-Order: 4321"),
                patternsBe, sampleBe), false); StreamInlet inlet = lsl.createInlet(fake.info(110, ""))) {
            expectArchiveData(inlet);
        }
    }

    @Test
    void wrongTestPatternIsRefused() throws IOException {
        String wrong = PATTERNS_LE.replaceFirst("00008040", "0000a040");
        try (FakeOutlet fake = new FakeOutlet(FakeOutlet.bytes(OK_110, wrong), false);
                StreamInlet inlet = lsl.createInlet(fake.info(110, "fake-source"))) {
            LslProtocolException e = assertThrows(LslProtocolException.class, () -> inlet.openStream(10));
            assertTrue(e.getMessage().contains("test-pattern"), e.getMessage());
            assertThrows(LslProtocolException.class, () -> inlet.pullSample(new float[3], 1.0));
        }
    }

    @Test
    void errorStatusIsAProtocolError() throws IOException {
        try (FakeOutlet fake = new FakeOutlet(FakeOutlet.bytes("text:LSL/110 500 Internal error"), true);
                StreamInlet inlet = lsl.createInlet(fake.info(110, ""))) {
            assertThrows(LslProtocolException.class, () -> inlet.openStream(10));
        }
    }

    @Test
    void goneStreamWithoutRecoveryIsLost() throws IOException {
        try (FakeOutlet fake = new FakeOutlet(FakeOutlet.bytes("text:LSL/110 404 Not found"), true);
                StreamInlet inlet = lsl.createInlet(fake.info(110, "fake-source"),
                        InletOptions.DEFAULTS.withRecover(false))) {
            assertThrows(LslLostException.class, () -> inlet.openStream(10));
        }
    }
}
