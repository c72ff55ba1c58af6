package org.bcistream.streaming.job;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.bcistream.decoders.record.LatentFrame;

/**
 * A Flink accumulator of the latent stage's quality per session: latent frames, mean reconstruction R², mean
 * fraction of zero spikes, and frames with a rate near the ceiling (above {@link #SATURATED_RATE}: the
 * posterior has run away there, see docs/benchmarks.md). Its value maps session id to
 * {@code {frames, sum of R², sum of zero fractions, saturated frames}}.
 */
public final class LatentSummary implements Accumulator<LatentFrame, TreeMap<String, double[]>> {
    private static final long serialVersionUID = 1L;
    /** The accumulator's name in the job. */
    public static final String NAME = "latentSummary";
    /** A rate above e<sup>9</sup>, within one e-fold of the default ceiling e<sup>10</sup>, marks a saturated frame. */
    public static final double SATURATED_RATE = Math.exp(9);
    private static final int FIELDS = 4;

    private TreeMap<String, double[]> sessions = new TreeMap<>();

    @Override
    public void add(LatentFrame frame) {
        double[] s = sessions.computeIfAbsent(frame.sessionId(), k -> new double[FIELDS]);
        s[0]++;
        s[1] += frame.reconstructionR2();
        s[2] += frame.zeroSpikeFraction();
        for (float rate : frame.rates()) {
            if (rate > SATURATED_RATE) {
                s[3]++;
                break;
            }
        }
    }

    @Override
    public TreeMap<String, double[]> getLocalValue() {
        return sessions;
    }

    @Override
    public void resetLocal() {
        sessions = new TreeMap<>();
    }

    @Override
    public void merge(Accumulator<LatentFrame, TreeMap<String, double[]>> other) {
        other.getLocalValue().forEach((session, o) -> {
            double[] s = sessions.computeIfAbsent(session, k -> new double[FIELDS]);
            for (int i = 0; i < FIELDS; i++) {
                s[i] += o[i];
            }
        });
    }

    @Override
    public LatentSummary clone() {
        LatentSummary copy = new LatentSummary();
        sessions.forEach((k, v) -> copy.sessions.put(k, v.clone()));
        return copy;
    }

    private static String row(String name, double[] s) {
        return String.format(Locale.ROOT, "%n  %-20s %8d %9.3f %11.1f%% %10d", name, (long) s[0], s[1] / s[0], 100 * s[2] / s[0],
                (long) s[3]);
    }

    /** The per-session lines of the run summary, or empty when no latent frame was made. */
    @SuppressWarnings("unchecked")
    public static String report(Map<String, Object> accumulators) {
        Object value = accumulators.get(NAME);
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%n  %-20s %8s %9s %12s %10s", "latents", "frames", "mean R2",
                "zero spikes", "saturated"));
        double[] all = new double[FIELDS];
        ((Map<String, double[]>) map).forEach((session, s) -> {
            b.append(row(session, s));
            for (int i = 0; i < FIELDS; i++) {
                all[i] += s[i];
            }
        });
        if (map.size() > 1) {
            b.append(row("all sessions", all));
        }
        if (all[3] > 0) {
            b.append(String.format(Locale.ROOT, "%n  warning: %d latent frames had a rate above %.0f, near the ceiling: the posterior "
                    + "ran away there; train with a larger --beta or more --steps", (long) all[3], SATURATED_RATE));
        }
        return b.toString();
    }
}
