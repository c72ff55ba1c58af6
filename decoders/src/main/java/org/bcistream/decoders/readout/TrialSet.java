package org.bcistream.decoders.readout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionOutput;

/**
 * Cuts a session's outputs into trials: every marker whose label is one of the classes (any kind but
 * {@code TRIAL_END}) opens a trial, and the frames whose window lies inside [cue + start, cue + end] (frame
 * time minus window length at or after the start, frame time at or before the end) are averaged.
 *
 * @param classes the class labels, e.g. {@code T1, T2} or {@code A, B}
 * @param startSeconds window start after the cue, seconds
 * @param endSeconds window end after the cue, seconds, {@code > startSeconds}
 * @param frameWindowSeconds the length of the signal window behind each frame, seconds, {@code >= 0}
 */
public record TrialSet(Set<String> classes, double startSeconds, double endSeconds, double frameWindowSeconds) {
    public TrialSet {
        classes = Set.copyOf(classes);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a readout needs at least two classes; got " + classes);
        }
        if (!(endSeconds > startSeconds) || !(frameWindowSeconds >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "trial window %s..%s s after the cue is empty or the frame window %s s is negative", startSeconds,
                    endSeconds, frameWindowSeconds));
        }
    }

    /** What was cut from one session: the trials, and the cues that had no frame in their window. */
    public record Cut(List<Trial> trials, int emptyTrials) {}

    /**
     * The trials of one session's outputs (in order).
     *
     * @param vector the vector of an output, or null if the output is not a frame of the wanted kind
     */
    public Cut cut(List<SessionOutput> outputs, Function<SessionOutput, float[]> vector) {
        List<Trial> trials = new ArrayList<>();
        int empty = 0;
        for (SessionOutput o : outputs) {
            MarkerEvent marker = o.marker();
            if (marker == null || marker.kind() == MarkerKind.TRIAL_END || !classes.contains(marker.label())) {
                continue;
            }
            double from = marker.timestamp() + startSeconds;
            double to = marker.timestamp() + endSeconds;
            double[] sum = null;
            int frames = 0;
            for (SessionOutput f : outputs) {
                float[] v = vector.apply(f);
                if (v == null) {
                    continue;
                }
                double t = frameTime(f);
                if (t - frameWindowSeconds >= from - 1e-9 && t <= to + 1e-9) {
                    if (sum == null) {
                        sum = new double[v.length];
                    }
                    for (int i = 0; i < v.length; i++) {
                        sum[i] += v[i];
                    }
                    frames++;
                }
            }
            if (frames == 0) {
                empty++;
                continue;
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= frames;
            }
            trials.add(new Trial(marker.sessionId(), marker.label(), marker.timestamp(), sum, frames));
        }
        return new Cut(trials, empty);
    }

    /** Feature values of feature frames. */
    public static float[] features(SessionOutput o) {
        return o.frame() == null ? null : o.frame().values();
    }

    /** Posterior rates of latent frames. */
    public static float[] latentRates(SessionOutput o) {
        return o.latent() == null ? null : o.latent().rates();
    }

    private static double frameTime(SessionOutput o) {
        return o.frame() != null ? o.frame().frameTime() : o.latent().frameTime();
    }
}
