package org.bcistream.streaming.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.config.Pacing;
import org.bcistream.streaming.source.SessionCursors;
import org.junit.jupiter.api.Test;

class SessionPublisherTest {
    @Test
    void sessionsAreInterleavedInSourceTimeAndEachKeepsItsOrder() throws Exception {
        SessionCursors sessions = SessionCursors.open("sim:profile=openbci-cyton,seed=4,duration=2s,sessions=2", DeviceProfiles.builtIn());
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        SessionPublisher.Published done = new SessionPublisher(producer, "in", sessions.profile(), sessions.rateHz(), Pacing.MAX,
                System::nanoTime).publish(sessions.cursors(), samples -> {});
        assertEquals(100, done.chunks());
        assertEquals(1000, done.samples());

        double[] lastTime = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double latestStart = Double.NEGATIVE_INFINITY;
        for (ProducerRecord<byte[], byte[]> r : producer.history()) {
            assertEquals("in", r.topic());
            SessionEvent e = SessionInputCodec.decode(r.value(), 0).event();
            assertEquals(e.sessionId(), new String(r.key(), StandardCharsets.UTF_8));
            int s = e.sessionId().equals("sim-1") ? 0 : 1;
            if (e.chunk() != null) {
                assertTrue(e.chunk().firstTimestamp() > lastTime[s], "session order kept");
                lastTime[s] = e.chunk().lastTimestamp();
                // blocks of both sessions alternate: no chunk starts more than one block after another session's
                assertTrue(e.chunk().firstTimestamp() >= latestStart - 0.04 - 1e-9);
                latestStart = Math.max(latestStart, e.chunk().firstTimestamp());
            }
        }
    }

    @Test
    void pacedPublishingWaitsForEachBlocksAcquisitionTime() throws Exception {
        SessionCursors sessions = SessionCursors.open("sim:profile=openbci-cyton,seed=4,duration=200ms", DeviceProfiles.builtIn());
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        List<Long> sentAt = new ArrayList<>();
        long start = System.nanoTime();
        new SessionPublisher(producer, "in", sessions.profile(), sessions.rateHz(), new Pacing(4), System::nanoTime)
                .publish(sessions.cursors(), samples -> sentAt.add(System.nanoTime() - start));
        // 5 blocks of 40 ms at 4x: block k is due 10 ms x (k + 1) after the start; sleeping never returns early
        for (int k = 0; k < sentAt.size(); k++) {
            assertTrue(sentAt.get(k) >= 10_000_000L * (k + 1) - 1_000_000L, "block " + k + " sent at " + sentAt.get(k) + " ns");
        }
        assertEquals(5, sentAt.size());
    }
}
