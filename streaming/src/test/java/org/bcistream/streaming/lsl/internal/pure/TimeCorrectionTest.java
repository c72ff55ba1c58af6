package org.bcistream.streaming.lsl.internal.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.LslClock;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.LslTestSupport;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.bcistream.streaming.lsl.TimeCorrection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The time-data exchange against an outlet whose clock runs 1000 s ahead of the inlet's. */
class TimeCorrectionTest {
    private static final double OFFSET = 1000.0;
    private final LslRuntime sender = new PureLslRuntime(LslTestSupport.loopbackConfig(),
            () -> LslClock.SYSTEM.now() + OFFSET);
    private final LslRuntime receiver = new PureLslRuntime(LslTestSupport.loopbackConfig());

    @AfterEach
    void close() {
        receiver.close();
        sender.close();
        LslTestSupport.assertNoLslThreads();
    }

    @Test
    void recoversTheOffsetWithinHalfTheRoundTrip() {
        String name = LslTestSupport.unique("clock");
        try (StreamOutlet outlet = sender.createOutlet(new StreamInfo(name, "EEG", 1, 10, ChannelFormat.FLOAT32, name));
                StreamInlet inlet = receiver.createInlet(
                        receiver.resolveByProperty("name", name, 1, 10).get(0))) {
            TimeCorrection c = inlet.timeCorrectionEstimate(10);
            assertTrue(c.uncertainty() >= 0 && c.uncertainty() < 1.0, "rtt " + c.uncertainty());
            // with both clocks a fixed offset apart, the min-RTT probe is off by at most rtt/2
            assertEquals(-OFFSET, c.correction(), c.uncertainty() / 2 + 1e-6);
            assertEquals(receiver.localClock() + OFFSET, c.remoteTime(), 5.0);
            TimeCorrection later = inlet.timeCorrectionEstimate(0.0);
            assertEquals(-OFFSET, later.correction(), later.uncertainty() / 2 + 1e-6, "later calls: the latest estimate");
            assertFalse(inlet.wasClockReset());

            inlet.openStream(10);
            assertTrue(outlet.waitForConsumers(10));
            outlet.pushSample(new float[] {1});
            float[] sample = new float[1];
            double stamp = inlet.pullSample(sample, 10);
            assertEquals(sender.localClock(), stamp, 10.0, "stamped on the sender's clock");
            assertEquals(receiver.localClock(), stamp + inlet.timeCorrection(1), 10.0, "mapped to our clock");
        }
    }
}
