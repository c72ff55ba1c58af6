package org.bcistream.streaming.lsl.internal.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.LslLostException;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.LslTestSupport;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inlets after their outlet goes away: recovery to the same source id, or loss. */
class RecoveryTest {
    private final LslRuntime lsl = new PureLslRuntime(LslTestSupport.loopbackConfig());

    @AfterEach
    void close() {
        lsl.close();
        LslTestSupport.assertNoLslThreads();
    }

    @Test
    void inletFollowsTheSourceIdToANewOutlet() {
        String name = LslTestSupport.unique("recover");
        StreamInfo info = new StreamInfo(name, "EEG", 1, 100, ChannelFormat.FLOAT32, "source-" + name);
        StreamOutlet first = lsl.createOutlet(info);
        String firstUid = first.info().uid();
        try (StreamInlet inlet = lsl.createInlet(lsl.resolveByProperty("source_id", "source-" + name, 1, 10).get(0))) {
            inlet.openStream(10);
            inlet.timeCorrection(10);
            first.pushSample(new float[] {1});
            float[] sample = new float[1];
            assertTrue(inlet.pullSample(sample, 10) > 0);
            assertEquals(1f, sample[0]);
            first.close();

            try (StreamOutlet second = lsl.createOutlet(info)) {
                assertNotEquals(firstUid, second.info().uid());
                long deadline = System.nanoTime() + 30_000_000_000L;
                sample[0] = 0;
                while (sample[0] != 2f) {
                    assertTrue(System.nanoTime() < deadline, "the inlet did not recover within 30 s");
                    second.pushSample(new float[] {2});
                    inlet.pullSample(sample, 0.05);
                }
                assertTrue(inlet.wasClockReset(), "the old clock offset was dropped");
                assertTrue(inlet.timeCorrection(10) > -1 && inlet.timeCorrection(10) < 1);
            }
        }
    }

    @Test
    void streamWithoutSourceIdIsLostAfterItsBufferedSamples() {
        String name = LslTestSupport.unique("lost");
        StreamOutlet outlet = lsl.createOutlet(new StreamInfo(name, "EEG", 1, 100, ChannelFormat.FLOAT32));
        try (StreamInlet inlet = lsl.createInlet(lsl.resolveByProperty("name", name, 1, 10).get(0))) {
            inlet.openStream(10);
            outlet.pushSample(new float[] {7}, 3.0);
            LslTestSupport.awaitAvailable(inlet, 1);
            outlet.close();
            float[] sample = new float[1];
            assertEquals(3.0, inlet.pullSample(sample, 10), "buffered samples are still delivered");
            assertEquals(7f, sample[0]);
            assertThrows(LslLostException.class, () -> inlet.pullSample(sample, 10));
            assertThrows(LslLostException.class, () -> inlet.openStream(1));
            assertThrows(LslLostException.class, () -> inlet.timeCorrection(1));
        }
    }
}
