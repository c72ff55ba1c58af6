package org.bcistream.streaming.lsl.internal.jna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.LslImplementation;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.LslTestSupport;
import org.bcistream.streaming.lsl.LslUnavailableException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.bcistream.streaming.lsl.internal.pure.PureLslRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native binding against the pure-Java implementation, both ways. Runs only where liblsl loads (set
 * {@code -Dbcistream.lsl.library} or {@code BCISTREAM_LSL_LIBRARY}); skips with the loader's message otherwise.
 */
class NativeInteropTest {
    private static LslRuntime nativeLsl;
    private static LslRuntime javaLsl;
    private static String unavailable;

    @BeforeAll
    static void open() {
        String library = System.getProperty("bcistream.lsl.library", System.getenv().getOrDefault(
                "BCISTREAM_LSL_LIBRARY", ""));
        try {
            nativeLsl = NativeLslRuntime.open(LslTestSupport.loopbackBuilder()
                    .set(LslOptions.IMPLEMENTATION, LslImplementation.NATIVE).build(), library);
            javaLsl = new PureLslRuntime(LslTestSupport.loopbackConfig());
        } catch (LslUnavailableException e) {
            unavailable = e.getMessage();
        }
    }

    @BeforeEach
    void requireLiblsl() {
        Assumptions.assumeTrue(nativeLsl != null, () -> "liblsl is not available, native test skipped: " + unavailable);
    }

    @AfterAll
    static void close() {
        if (nativeLsl != null) {
            nativeLsl.close();
            javaLsl.close();
        }
    }

    private static void roundTrip(LslRuntime from, LslRuntime to, ChannelFormat format) {
        String name = LslTestSupport.unique("interop-" + format.xmlName());
        try (StreamOutlet outlet = from.createOutlet(new StreamInfo(name, "Test", 2, 100, format, name));
                StreamInlet inlet = to.createInlet(to.resolveByProperty("source_id", name, 1, 10).get(0))) {
            inlet.openStream(10);
            assertTrue(outlet.waitForConsumers(10));
            outlet.pushChunk(new String[] {"1", "-2", "3", "4"}, 2, 50.0, true);
            String[] values = new String[4];
            double[] stamps = new double[2];
            assertEquals(2, inlet.pullChunk(values, stamps, 10), "samples, not values");
            assertArrayEquals(new double[] {49.99, 50.0}, stamps, 1e-9);
            double[] numbers = new double[4];
            for (int i = 0; i < 4; i++) {
                numbers[i] = Double.parseDouble(values[i]);
            }
            assertArrayEquals(new double[] {1, -2, 3, 4}, numbers);
            assertEquals(0.0, inlet.timeCorrection(10), 0.01);
        }
    }

    @Test
    void nativeOutletToJavaInlet() {
        for (ChannelFormat f : ChannelFormat.values()) {
            roundTrip(nativeLsl, javaLsl, f);
        }
    }

    @Test
    void javaOutletToNativeInlet() {
        for (ChannelFormat f : ChannelFormat.values()) {
            roundTrip(javaLsl, nativeLsl, f);
        }
    }
}
