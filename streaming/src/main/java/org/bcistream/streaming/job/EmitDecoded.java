package org.bcistream.streaming.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.bcistream.decoders.latency.LatencyStats;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.LatencyBreakdown;
import org.bcistream.decoders.record.SessionOutput;

/**
 * After the generation operator: stamps each decoded output's emission instant, counts it in the run summary
 * (generated, deadlines missed, skipped, failed) and its latencies in the {@link GenerationLatency}
 * histograms, and hands it on as a {@link SessionOutput}. The same numbers are Flink metrics in the group
 * {@code bcistream}: counters {@code generated}, {@code deadlinesMissed}, {@code generationsSkipped},
 * {@code generationsFailed}, and gauges {@code <stage>_p50_ms}, {@code _p99_ms} and {@code _max_ms} per stage
 * ({@code ingest_to_latent}, ..., {@code end_to_end}), refreshed with every output.
 */
final class EmitDecoded extends RichMapFunction<DecodedOutput, SessionOutput> {
    private static final long serialVersionUID = 1L;

    private final GenerationFunction.NanoClock clock;
    private transient LongCounter generated;
    private transient LongCounter missed;
    private transient LongCounter skipped;
    private transient LongCounter failed;
    private transient GenerationLatency latency;
    private transient Counter[] metricCounts;
    private transient volatile double[] snapshotMillis;

    EmitDecoded(GenerationFunction.NanoClock clock) {
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        generated = getRuntimeContext().getLongCounter(RunSummary.GENERATED);
        missed = getRuntimeContext().getLongCounter(RunSummary.DEADLINES_MISSED);
        skipped = getRuntimeContext().getLongCounter(RunSummary.GENERATIONS_SKIPPED);
        failed = getRuntimeContext().getLongCounter(RunSummary.GENERATIONS_FAILED);
        latency = new GenerationLatency();
        getRuntimeContext().addAccumulator(GenerationLatency.NAME, latency);
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("bcistream");
        metricCounts = new Counter[] {metrics.counter(RunSummary.GENERATED), metrics.counter(RunSummary.DEADLINES_MISSED),
                metrics.counter(RunSummary.GENERATIONS_SKIPPED), metrics.counter(RunSummary.GENERATIONS_FAILED)};
        LatencyStats.Stage[] stages = LatencyStats.Stage.values();
        snapshotMillis = new double[stages.length * 3];
        for (LatencyStats.Stage stage : stages) {
            String name = stage.name().toLowerCase(java.util.Locale.ROOT);
            int at = stage.ordinal() * 3;
            metrics.gauge(name + "_p50_ms", (Gauge<Double>) () -> snapshotMillis[at]);
            metrics.gauge(name + "_p99_ms", (Gauge<Double>) () -> snapshotMillis[at + 1]);
            metrics.gauge(name + "_max_ms", (Gauge<Double>) () -> snapshotMillis[at + 2]);
        }
    }

    @Override
    public SessionOutput map(DecodedOutput output) {
        LatencyBreakdown l = output.latency();
        LatencyBreakdown emitted = new LatencyBreakdown(l.acquisitionNanos(), l.ingestNanos(), l.latentNanos(), l.generatedNanos(),
                Math.max(l.generatedNanos(), clock.nanoTime()));
        DecodedOutput out = new DecodedOutput(output.sessionId(), output.index(), output.target(), output.kind(), output.status(),
                output.payload(), output.generatorSteps(), output.budgetNanos(), emitted);
        switch (out.status()) {
            case GENERATED -> count(generated, 0);
            case SKIPPED_QUEUE_FULL -> count(skipped, 2);
            case FAILED -> count(failed, 3);
        }
        if (!out.deadlineMet()) {
            count(missed, 1);
        }
        latency.add(out);
        LatencyStats stats = latency.getLocalValue();
        double[] snapshot = new double[snapshotMillis.length];
        for (LatencyStats.Stage stage : LatencyStats.Stage.values()) {
            int at = stage.ordinal() * 3;
            snapshot[at] = stats.percentileNanos(stage, 50) / 1e6;
            snapshot[at + 1] = stats.percentileNanos(stage, 99) / 1e6;
            snapshot[at + 2] = stats.maxNanos(stage) / 1e6;
        }
        snapshotMillis = snapshot;
        return SessionOutput.of(out);
    }

    private void count(LongCounter accumulator, int metric) {
        accumulator.add(1L);
        metricCounts[metric].inc();
    }
}
