package org.bcistream.streaming.job;

import java.util.Map;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.bcistream.decoders.latency.LatencyStats;
import org.bcistream.decoders.record.DecodedOutput;

/**
 * A Flink accumulator of the decoded outputs' latencies: HdrHistogram percentiles per stage and end to end,
 * and the deadline misses (see {@link LatencyStats}). Merged over the generation subtasks at the end of a run.
 */
public final class GenerationLatency implements Accumulator<DecodedOutput, LatencyStats> {
    private static final long serialVersionUID = 1L;
    /** The accumulator's name in the job. */
    public static final String NAME = "generationLatency";

    private LatencyStats stats = new LatencyStats();

    @Override
    public void add(DecodedOutput output) {
        stats.record(output.latency(), output.deadlineMet());
    }

    @Override
    public LatencyStats getLocalValue() {
        return stats;
    }

    @Override
    public void resetLocal() {
        stats = new LatencyStats();
    }

    @Override
    public void merge(Accumulator<DecodedOutput, LatencyStats> other) {
        stats.merge(other.getLocalValue());
    }

    @Override
    public GenerationLatency clone() {
        GenerationLatency copy = new GenerationLatency();
        copy.stats.merge(stats);
        return copy;
    }

    /** The latency lines of the run summary, or empty when nothing was generated. */
    public static String report(Map<String, Object> accumulators) {
        Object value = accumulators.get(NAME);
        return value instanceof LatencyStats s && s.outputs() > 0 ? System.lineSeparator() + s.report() : "";
    }
}
