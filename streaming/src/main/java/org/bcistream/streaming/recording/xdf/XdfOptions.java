package org.bcistream.streaming.recording.xdf;

import java.util.Locale;

/**
 * How {@link XdfRecording} turns the recorded time stamps into synchronised ones. The defaults are those of
 * pyxdf's {@code load_xdf} (pyxdf 1.17.5), so the same file gives the same time stamps.
 *
 * @param synchronizeClocks map each stream's time stamps into the recording machine's clock with the
 *     stream's ClockOffset chunks (robust linear fit per clock segment); default true
 * @param handleClockResets detect clock resets (sender restarted) and fit each clock segment on its own;
 *     default true
 * @param dejitter replace the time stamps of regular-rate streams by a least-squares line per break-free
 *     segment; default true
 * @param jitterBreakThresholdSeconds a gap larger than this and than {@code jitterBreakThresholdSamples}
 *     nominal intervals splits a stream into dejitter segments; default 1 s
 * @param jitterBreakThresholdSamples see {@code jitterBreakThresholdSeconds}; default 500
 * @param clockResetThresholdSeconds a clock reset needs a ClockOffset interval that deviates from the median
 *     interval by more than this; default 5 s
 * @param clockResetThresholdStds ... and by more than this many median absolute deviations; default 5
 * @param clockResetThresholdOffsetSeconds a clock reset also needs an offset change that deviates from the
 *     median change by more than this; default 1 s
 * @param clockResetThresholdOffsetStds ... and by more than this many median absolute deviations; default 10
 * @param winsorThreshold offset residuals above this (seconds) count as outliers in the Huber fit; default
 *     0.0001 s
 */
public record XdfOptions(
        boolean synchronizeClocks,
        boolean handleClockResets,
        boolean dejitter,
        double jitterBreakThresholdSeconds,
        double jitterBreakThresholdSamples,
        double clockResetThresholdSeconds,
        double clockResetThresholdStds,
        double clockResetThresholdOffsetSeconds,
        double clockResetThresholdOffsetStds,
        double winsorThreshold) {

    /** pyxdf's defaults: sync, reset handling and dejitter on. */
    public static final XdfOptions DEFAULTS = new XdfOptions(true, true, true, 1, 500, 5, 5, 1, 10, 0.0001);

    /** The time stamps as recorded: no clock synchronisation, no dejittering. */
    public static final XdfOptions RAW = DEFAULTS.withSynchronizeClocks(false).withDejitter(false);

    public XdfOptions {
        requireNonNegative("jitterBreakThresholdSeconds", jitterBreakThresholdSeconds);
        requireNonNegative("jitterBreakThresholdSamples", jitterBreakThresholdSamples);
        requireNonNegative("clockResetThresholdSeconds", clockResetThresholdSeconds);
        requireNonNegative("clockResetThresholdStds", clockResetThresholdStds);
        requireNonNegative("clockResetThresholdOffsetSeconds", clockResetThresholdOffsetSeconds);
        requireNonNegative("clockResetThresholdOffsetStds", clockResetThresholdOffsetStds);
        if (!(winsorThreshold > 0) || Double.isInfinite(winsorThreshold)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "winsorThreshold is %s s; it must be finite and > 0", winsorThreshold));
        }
    }

    /** These options with clock synchronisation switched on or off. */
    public XdfOptions withSynchronizeClocks(boolean on) {
        return new XdfOptions(on, handleClockResets, dejitter, jitterBreakThresholdSeconds, jitterBreakThresholdSamples,
                clockResetThresholdSeconds, clockResetThresholdStds, clockResetThresholdOffsetSeconds,
                clockResetThresholdOffsetStds, winsorThreshold);
    }

    /** These options with dejittering switched on or off. */
    public XdfOptions withDejitter(boolean on) {
        return new XdfOptions(synchronizeClocks, handleClockResets, on, jitterBreakThresholdSeconds,
                jitterBreakThresholdSamples, clockResetThresholdSeconds, clockResetThresholdStds,
                clockResetThresholdOffsetSeconds, clockResetThresholdOffsetStds, winsorThreshold);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is %s; it must be finite and >= 0", name, value));
        }
    }
}
