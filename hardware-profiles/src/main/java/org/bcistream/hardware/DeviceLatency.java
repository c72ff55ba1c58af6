package org.bcistream.hardware;

/**
 * Known delay from electrode to host time stamp.
 *
 * @param fixedDelayMs the constant part to subtract from time stamps, milliseconds; {@code null} when no
 *     measurement is published
 * @param notes where the number comes from and what else is known (jitter, burstiness)
 */
public record DeviceLatency(Double fixedDelayMs, String notes) {
    public DeviceLatency {
        if (fixedDelayMs != null && (!(fixedDelayMs >= 0) || fixedDelayMs.isInfinite())) {
            throw new IllegalArgumentException("fixedDelayMs must be a finite value >= 0, got " + fixedDelayMs);
        }
        notes = notes == null ? "" : notes;
    }
}
