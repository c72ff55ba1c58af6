package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

import java.util.Arrays;
import java.util.Locale;

/**
 * Spikes (threshold crossings or sorted units) of one session over a half-open time span
 * {@code [startTime, endTime)}; the span says which bins are known to be empty.
 *
 * <p>Immutable: arrays are copied in and out. Invariants: {@code unitCount > 0}; {@code units} and
 * {@code times} have equal length; every unit id is in {@code [0, unitCount)}; times are finite,
 * non-decreasing and inside the span; the span is finite and {@code startTime <= endTime}.
 *
 * @param sessionId the session
 * @param streamId the source stream
 * @param unitCount number of units or channels the ids index
 * @param startTime start of the span, seconds (source clock), inclusive
 * @param endTime end of the span, seconds, exclusive
 * @param units unit id of each spike
 * @param times time of each spike, seconds
 * @param ingestNanos local monotonic clock on ingest, nanoseconds
 */
public record SpikeEvents(
        String sessionId,
        String streamId,
        int unitCount,
        double startTime,
        double endTime,
        int[] units,
        double[] times,
        long ingestNanos) {

    public SpikeEvents {
        Checks.sessionId(sessionId);
        if (!(streamId != null)) {
            throw invalid("stream id is missing (session %s)", sessionId);
        }
        if (!(unitCount > 0)) {
            throw invalid("spike events of session %s have %d units; at least 1 is needed", sessionId, unitCount);
        }
        if (!(Double.isFinite(startTime) && Double.isFinite(endTime) && startTime <= endTime)) {
            throw invalid("spike span of session %s is [%s, %s) s; it must be finite with start <= end", sessionId, startTime, endTime);
        }
        if (!(units != null && times != null && units.length == times.length)) {
            throw invalid("spike events of session %s have %d unit ids for %d times", sessionId,
                units == null ? 0 : units.length, times == null ? 0 : times.length);
        }
        Checks.finiteNonDecreasing(times, "spike times", sessionId);
        for (int i = 0; i < units.length; i++) {
            if (!(units[i] >= 0 && units[i] < unitCount)) {
                throw invalid("spike %d of session %s has unit %d, outside [0, %d)",
                    i, sessionId, units[i], unitCount);
            }
            if (!(times[i] >= startTime && times[i] < endTime)) {
                throw invalid("spike %d of session %s at %.6f s is outside [%.6f, %.6f) s",
                    i, sessionId, times[i], startTime, endTime);
            }
        }
        units = units.clone();
        times = times.clone();
    }

    /** Number of spikes. */
    public int spikeCount() {
        return units.length;
    }

    /** Unit id of spike {@code i}. */
    public int unit(int i) {
        return units[i];
    }

    /** Time of spike {@code i}, seconds. */
    public double time(int i) {
        return times[i];
    }

    /** A copy of the unit ids. */
    @Override
    public int[] units() {
        return units.clone();
    }

    /** A copy of the spike times. */
    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpikeEvents other
                && sessionId.equals(other.sessionId)
                && streamId.equals(other.streamId)
                && unitCount == other.unitCount
                && Double.compare(startTime, other.startTime) == 0
                && Double.compare(endTime, other.endTime) == 0
                && ingestNanos == other.ingestNanos
                && Arrays.equals(units, other.units)
                && Arrays.equals(times, other.times);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sessionId.hashCode() + Arrays.hashCode(units)) + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SpikeEvents[session=%s, %d spikes of %d units in [%.6f, %.6f) s]",
                sessionId, units.length, unitCount, startTime, endTime);
    }
}
