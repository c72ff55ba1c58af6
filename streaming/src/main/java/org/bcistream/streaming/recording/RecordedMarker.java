package org.bcistream.streaming.recording;

import java.util.Objects;

/**
 * An event of a recording: an XDF marker-stream sample, an EDF+ annotation, a BDF Status trigger, a CSV
 * marker column value.
 *
 * @param time onset, seconds, on the same clock as the recording's signal time stamps
 * @param durationSeconds duration, seconds (0 when the file gives none)
 * @param label the marker text, annotation text or trigger code in decimal
 * @param kind where it came from: {@link Kind#TRIGGER} for hardware trigger codes, {@link Kind#ANNOTATION}
 *     for annotations and marker streams
 * @param streamId id of the stream the marker belongs to
 */
public record RecordedMarker(double time, double durationSeconds, String label, Kind kind, String streamId) {
    /** Marker origins. */
    public enum Kind {
        ANNOTATION,
        TRIGGER
    }

    public RecordedMarker {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(streamId, "streamId");
        if (!Double.isFinite(time) || !(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("marker '" + label + "' has time " + time + " s and duration " + durationSeconds + " s");
        }
    }
}
