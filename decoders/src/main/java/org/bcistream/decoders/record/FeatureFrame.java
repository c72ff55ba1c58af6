package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

import java.util.Arrays;
import java.util.Locale;

/**
 * One feature vector of a session: e.g. normalised log band power per channel x band, or binned spike
 * counts per unit. Values are row-major {@code values[row * columns + column]} (row = channel or unit,
 * column = band or 1).
 *
 * <p>Immutable: arrays are copied in and out. Invariants: {@code index >= 0}; {@code rows, columns > 0};
 * {@code values.length == rows * columns}; values and frame time finite.
 *
 * @param sessionId the session
 * @param index the frame's number within its session, from 0
 * @param frameTime source time of the end of the frame's window, seconds
 * @param rows channels or units
 * @param columns bands (1 for spike counts)
 * @param values row-major feature values
 * @param ingestNanos ingest instant of the newest chunk that contributed, local monotonic nanoseconds
 */
public record FeatureFrame(
        String sessionId, long index, double frameTime, int rows, int columns, float[] values, long ingestNanos) {

    public FeatureFrame {
        Checks.sessionId(sessionId);
        if (!(index >= 0)) {
            throw invalid("frame index of session %s is %d; it must be >= 0", sessionId, index);
        }
        if (!Double.isFinite(frameTime)) {
            throw invalid("frame %d of session %s has time %s", index, sessionId, frameTime);
        }
        if (!(rows > 0 && columns > 0)) {
            throw invalid("frame %d of session %s is %d x %d; both must be > 0", index, sessionId, rows, columns);
        }
        if (!(values != null && values.length == rows * columns)) {
            throw invalid("frame %d of session %s has %d values for %d x %d",
                index, sessionId, values == null ? 0 : values.length, rows, columns);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw invalid("frame %d of session %s has %s at row %d column %d",
                    index, sessionId, values[i], i / columns, i % columns);
            }
        }
        values = values.clone();
    }

    /** The value at one row and column. */
    public float value(int row, int column) {
        return values[row * columns + column];
    }

    /** A copy of the row-major values. */
    @Override
    public float[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureFrame other
                && sessionId.equals(other.sessionId)
                && index == other.index
                && Double.compare(frameTime, other.frameTime) == 0
                && rows == other.rows
                && columns == other.columns
                && ingestNanos == other.ingestNanos
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sessionId.hashCode() + Long.hashCode(index)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FeatureFrame[session=%s, #%d, t=%.6f s, %d x %d]",
                sessionId, index, frameTime, rows, columns);
    }
}
