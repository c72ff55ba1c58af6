package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

/**
 * One input of a session's pipeline: exactly one of a signal chunk, spike events or a marker. A closed
 * union as a record (not an interface) so that Flink serialises it with its POJO serializer, never Kryo.
 *
 * @param chunk a signal chunk, or null
 * @param spikes spike events, or null
 * @param marker a marker, or null
 */
public record SessionEvent(SignalChunk chunk, SpikeEvents spikes, MarkerEvent marker) {
    public SessionEvent {
        int present = (chunk != null ? 1 : 0) + (spikes != null ? 1 : 0) + (marker != null ? 1 : 0);
        if (!(present == 1)) {
            throw invalid("a session event holds exactly one of chunk, spikes, marker; this one holds %d", present);
        }
    }

    public static SessionEvent of(SignalChunk chunk) {
        return new SessionEvent(chunk, null, null);
    }

    public static SessionEvent of(SpikeEvents spikes) {
        return new SessionEvent(null, spikes, null);
    }

    public static SessionEvent of(MarkerEvent marker) {
        return new SessionEvent(null, null, marker);
    }

    /** The session of whichever event this holds. */
    public String sessionId() {
        return chunk != null ? chunk.sessionId() : spikes != null ? spikes.sessionId() : marker.sessionId();
    }

    /** Source time of the event's start (first sample, span start or marker time), seconds. */
    public double time() {
        return chunk != null ? chunk.firstTimestamp() : spikes != null ? spikes.startTime() : marker.timestamp();
    }
}
