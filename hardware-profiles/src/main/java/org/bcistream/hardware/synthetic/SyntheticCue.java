package org.bcistream.hardware.synthetic;

import java.util.Objects;

/**
 * A trial marker of the synthetic subject: the cue that starts the imagery of a target, or the end of
 * that trial.
 *
 * <p>Invariants: {@code sampleIndex >= 0}, {@code trial >= 0}, {@code targetIndex >= 0}, the time is
 * finite, the label is not blank. The time is the source-clock time stamp of the sample the marker sits
 * on: {@code startTimeSeconds + sampleIndex / rate}.
 *
 * @param time source-clock time, seconds
 * @param sampleIndex index of the sample the marker sits on, counted from the subject's first sample
 * @param kind {@link Kind#CUE} (imagery starts) or {@link Kind#TRIAL_END} (imagery ends)
 * @param trial trial number, from 0
 * @param targetIndex index of the imagined target in {@link SyntheticSubjectConfig#targets()}
 * @param label the imagined target's label
 */
public record SyntheticCue(double time, long sampleIndex, Kind kind, long trial, int targetIndex, String label) {

    /** What a marker announces. */
    public enum Kind {
        /** The target is shown; imagery starts at this sample. */
        CUE,
        /** Imagery of the trial's target ends at this sample (the sample itself is rest). */
        TRIAL_END
    }

    /** Checks the invariants above. */
    public SyntheticCue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(time) || sampleIndex < 0 || trial < 0 || targetIndex < 0 || label.isBlank()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "invalid cue: time %s, sample %d, trial %d, target %d '%s'", time, sampleIndex, trial,
                    targetIndex, label));
        }
    }
}
