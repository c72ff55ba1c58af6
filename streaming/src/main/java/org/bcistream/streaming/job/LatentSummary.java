package org.bcistream.streaming.job;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.bcistream.decoders.record.LatentFrame;

/**
 * A Flink accumulator of the latent stage's quality per session: latent frames, mean reconstruction R² and mean
 * fraction of zero spikes. Its value maps session id to {@code {frames, sum of R², sum of zero fractions}}.
 */
public final class LatentSummary implements Accumulator<LatentFrame, TreeMap<String, double[]>> {
    private static final long serialVersionUID = 1L;
    /** The accumulator's name in the job. */
    public static final String NAME = "latentSummary";

    private TreeMap<String, double[]> sessions = new TreeMap<>();

    @Override
    public void add(LatentFrame frame) {
        double[] s = sessions.computeIfAbsent(frame.sessionId(), k -> new double[3]);
        s[0]++;
        s[1] += frame.reconstructionR2();
        s[2] += frame.zeroSpikeFraction();
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
            double[] s = sessions.computeIfAbsent(session, k -> new double[3]);
            for (int i = 0; i < 3; i++) {
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

    /** The per-session lines of the run summary, or empty when no latent frame was made. */
    @SuppressWarnings("unchecked")
    public static String report(Map<String, Object> accumulators) {
        Object value = accumulators.get(NAME);
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%n  %-20s %8s %9s %12s", "latents", "frames", "mean R2",
                "zero spikes"));
        double[] all = new double[3];
        ((Map<String, double[]>) map).forEach((session, s) -> {
            b.append(String.format(Locale.ROOT, "%n  %-20s %8d %9.3f %11.1f%%", session, (long) s[0], s[1] / s[0], 100 * s[2] / s[0]));
            for (int i = 0; i < 3; i++) {
                all[i] += s[i];
            }
        });
        if (map.size() > 1) {
            b.append(String.format(Locale.ROOT, "%n  %-20s %8d %9.3f %11.1f%%", "all sessions", (long) all[0], all[1] / all[0],
                    100 * all[2] / all[0]));
        }
        return b.toString();
    }
}
