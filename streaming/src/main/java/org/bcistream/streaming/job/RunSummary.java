package org.bcistream.streaming.job;

import java.util.Locale;
import java.util.Map;

/**
 * What a run processed, from the job's accumulators: sessions, input chunks and samples, spike events,
 * markers, feature frames, rejected inputs and generations (generated, deadlines missed, skipped on a full
 * queue, failed), with the wall time they took.
 */
public record RunSummary(
        long sessions, long chunks, long samples, long spikeEvents, long markers, long frames, long rejected, long generated,
        long deadlinesMissed, long generationsSkipped, long generationsFailed, double wallSeconds) {

    /** Accumulator names used by the pipeline operator. */
    public static final String SESSIONS = "sessions";
    public static final String CHUNKS = "chunks";
    public static final String SAMPLES = "samples";
    public static final String SPIKE_EVENTS = "spikeEvents";
    public static final String MARKERS = "markers";
    public static final String FRAMES = "frames";
    public static final String REJECTED = "rejected";
    /** Accumulator names used by the generation operator. */
    public static final String GENERATED = "generated";
    public static final String DEADLINES_MISSED = "deadlinesMissed";
    public static final String GENERATIONS_SKIPPED = "generationsSkipped";
    public static final String GENERATIONS_FAILED = "generationsFailed";

    /** Reads the counters from a job's accumulator map (missing counters are 0). */
    public static RunSummary of(Map<String, Object> accumulators, double wallSeconds) {
        return new RunSummary(
                count(accumulators, SESSIONS), count(accumulators, CHUNKS), count(accumulators, SAMPLES),
                count(accumulators, SPIKE_EVENTS), count(accumulators, MARKERS), count(accumulators, FRAMES),
                count(accumulators, REJECTED), count(accumulators, GENERATED), count(accumulators, DEADLINES_MISSED),
                count(accumulators, GENERATIONS_SKIPPED), count(accumulators, GENERATIONS_FAILED), wallSeconds);
    }

    private static long count(Map<String, Object> accumulators, String name) {
        Object value = accumulators.get(name);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** One progress line: counts so far. */
    public String progressLine() {
        return String.format(Locale.ROOT, "[%7.1f s] sessions %d  chunks %d  samples %d  frames %d  markers %d%s%s",
                wallSeconds, sessions, chunks, samples, frames, markers, rejected > 0 ? "  rejected " + rejected : "",
                generated + generationsSkipped + generationsFailed > 0
                        ? String.format(Locale.ROOT, "  generated %d  missed %d", generated, deadlinesMissed) : "");
    }

    /** The multi-line end-of-run summary with throughput. */
    public String report() {
        double wall = Math.max(wallSeconds, 1e-9);
        return String.format(Locale.ROOT,
                "run summary%n"
                        + "  sessions      %d%n"
                        + "  chunks        %d (%d samples%s)%n"
                        + "  markers       %d%n"
                        + "  frames        %d%n"
                        + "  rejected      %d%n"
                        + "  wall time     %.2f s%n"
                        + "  throughput    %.0f chunks/s, %.0f samples/s, %.1f frames/s%s",
                sessions, chunks, samples, spikeEvents > 0 ? ", " + spikeEvents + " spike-event blocks" : "",
                markers, frames, rejected, wallSeconds, chunks / wall, samples / wall, frames / wall,
                generated + generationsSkipped + generationsFailed == 0 ? "" : String.format(Locale.ROOT,
                        "%n  generations   %d generated, %d deadlines missed (%d skipped: queue full, %d failed)",
                        generated, deadlinesMissed, generationsSkipped, generationsFailed));
    }
}
