package org.bcistream.hardware;

/**
 * Known delay from electrode to host time stamp.
 *
 * <p>Invariant: {@code fixedDelayMs}, when present, is finite and {@code >= 0}; {@code notes} is never
 * {@code null} (absent reads as empty).
 *
 * @param fixedDelayMs the constant part to subtract from time stamps, milliseconds; {@code null} when no
 *     measurement is published
 * @param notes where the number comes from and what else is known (jitter, burstiness, app settings that
 *     change it)
 */
public record DeviceLatency(Double fixedDelayMs, String notes) implements java.io.Serializable {
    /** Checks the invariants above; absent notes become empty. */
    public DeviceLatency {
        if (fixedDelayMs != null && (!(fixedDelayMs >= 0) || fixedDelayMs.isInfinite())) {
            throw new IllegalArgumentException("fixedDelayMs must be a finite value >= 0, got " + fixedDelayMs);
        }
        notes = notes == null ? "" : notes;
    }
}
