package org.bcistream.decoders.trigger;

import java.io.Serializable;
import java.util.Locale;

/** When a session's latent state conditions a generation. */
public sealed interface TriggerMode extends Serializable permits TriggerMode.PerCue, TriggerMode.Cadence, TriggerMode.Confidence {

    /**
     * A {@code CUE} marker opens a trial window; the window closes at the matching {@code TRIAL_END} (or at
     * the next cue); the mean rates of the latent frames in it condition one generation, labelled with the
     * cued target. Frames up to {@code settleSeconds} after the cue are left out (the cue's own evoked response).
     *
     * @param settleSeconds seconds after the cue whose frames are not averaged, {@code >= 0}
     */
    record PerCue(double settleSeconds) implements TriggerMode {
        public PerCue {
            if (!(settleSeconds >= 0 && Double.isFinite(settleSeconds))) {
                throw new IllegalArgumentException("per-cue settle time " + settleSeconds + " s; it must be >= 0");
            }
        }
    }

    /**
     * Streaming generation: every {@code everyFrames} latent frames, the mean rates of the last
     * {@code windowFrames} frames condition the next chunk of a chained output (e.g. speech).
     *
     * @param everyFrames frames between generations, {@code >= 1}
     * @param windowFrames frames averaged, {@code >= 1}
     */
    record Cadence(int everyFrames, int windowFrames) implements TriggerMode {
        public Cadence {
            if (everyFrames < 1 || windowFrames < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "cadence every %d frames over %d frames; both must be >= 1", everyFrames, windowFrames));
            }
        }
    }

    /**
     * Generate when the posterior has settled: once the free energy changed by less than
     * {@code relativeChange} (relative to its magnitude) for {@code settledFrames} frames in a row, the mean
     * rates over those frames condition one generation; the trigger re-arms when the change exceeds the
     * threshold again.
     *
     * @param relativeChange largest |ΔF| / max(|F|, 1) that counts as settled, {@code > 0}
     * @param settledFrames consecutive settled frames needed, {@code >= 1}
     */
    record Confidence(double relativeChange, int settledFrames) implements TriggerMode {
        public Confidence {
            if (!(relativeChange > 0 && Double.isFinite(relativeChange)) || settledFrames < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "confidence trigger at relative change %s over %d frames; the change must be > 0, the frames >= 1",
                        relativeChange, settledFrames));
            }
        }
    }
}
