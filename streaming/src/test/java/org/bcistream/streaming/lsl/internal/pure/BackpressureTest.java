package org.bcistream.streaming.lsl.internal.pure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.streaming.lsl.BufferUnit;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.InletOptions;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.LslTestSupport;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A slow inlet with a small buffer: as in liblsl's consumer_queue, a full buffer drops its <em>oldest</em> sample
 * for each new one, so the application finds the newest {@code maxBufferLength} samples. (The outlet side does the
 * same per connection; see {@link FeedServerTest}.)
 */
class BackpressureTest {
    private final LslRuntime lsl = new PureLslRuntime(LslTestSupport.loopbackConfig());

    @AfterEach
    void close() {
        lsl.close();
        LslTestSupport.assertNoLslThreads();
    }

    @Test
    void fullInletBufferDropsTheOldestSamples() {
        String name = LslTestSupport.unique("slow");
        try (StreamOutlet outlet = lsl.createOutlet(
                new StreamInfo(name, "Markers", 1, Lsl.IRREGULAR_RATE, ChannelFormat.INT32, name));
                PureStreamInlet inlet = (PureStreamInlet) lsl.createInlet(lsl.resolveByProperty("name", name, 1, 10)
                        .get(0), InletOptions.DEFAULTS.withMaxBuffer(10, BufferUnit.SAMPLES))) {
            inlet.openStream(10);
            assertTrue(outlet.waitForConsumers(10));
            for (int k = 0; k < 100; k++) {
                outlet.pushSample(new int[] {k}, k + 1.0);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (inlet.receivedSamples() < k + 1) {
                    assertTrue(System.nanoTime() < deadline, "sample " + k + " did not arrive");
                    LslTestSupport.sleep(1);
                }
            }
            assertEquals(10, inlet.samplesAvailable());
            assertEquals(90, inlet.droppedSamples());
            int[] values = new int[20];
            double[] stamps = new double[20];
            assertEquals(10, inlet.pullChunk(values, stamps, 0.0));
            assertArrayEquals(new int[] {90, 91, 92, 93, 94, 95, 96, 97, 98, 99}, java.util.Arrays.copyOf(values, 10));
            assertEquals(91.0, stamps[0]);
            assertEquals(0, inlet.flush());
        }
    }
}
