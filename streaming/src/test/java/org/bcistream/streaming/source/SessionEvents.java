package org.bcistream.streaming.source;

import java.util.ArrayList;
import java.util.List;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.decoders.record.SpikeEvents;

/** Helpers for comparing session events whose ingest instants differ (the reader stamps the wall clock). */
final class SessionEvents {
    private SessionEvents() {}

    /** The event with {@code ingestNanos} set to {@code ingest}; markers carry none and are returned as they are. */
    static SessionEvent withIngest(SessionEvent e, long ingest) {
        if (e.chunk() != null) {
            SignalChunk c = e.chunk();
            return SessionEvent.of(new SignalChunk(c.sessionId(), c.streamId(), c.channelCount(), c.nominalRateHz(),
                    c.timestamps(), c.samples(), ingest));
        }
        if (e.spikes() != null) {
            SpikeEvents s = e.spikes();
            return SessionEvent.of(new SpikeEvents(s.sessionId(), s.streamId(), s.unitCount(), s.startTime(), s.endTime(),
                    s.units(), s.times(), ingest));
        }
        return e;
    }

    /** The events with every ingest instant set to 0. */
    static List<SessionEvent> withoutIngest(List<SessionEvent> events) {
        List<SessionEvent> out = new ArrayList<>(events.size());
        events.forEach(e -> out.add(withIngest(e, 0)));
        return out;
    }

    /** The events of one session, in order. */
    static List<SessionEvent> ofSession(List<SessionEvent> events, String sessionId) {
        return events.stream().filter(e -> e.sessionId().equals(sessionId)).toList();
    }

    /** Every event of a session run to its end without interruption, ingest instants 0. */
    static List<SessionEvent> uninterrupted(SyntheticSessionSplit split) {
        SimulatedSession session = SimulatedSession.resume(split);
        List<SessionEvent> events = new ArrayList<>();
        while (session.hasNext()) {
            events.addAll(session.nextBlock(0));
        }
        return events;
    }
}
