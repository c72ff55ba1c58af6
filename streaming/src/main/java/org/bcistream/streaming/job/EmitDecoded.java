package org.bcistream.streaming.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.LatencyBreakdown;
import org.bcistream.decoders.record.SessionOutput;

/**
 * After the generation operator: stamps each decoded output's emission instant, counts it in the run summary
 * (generated, deadlines missed, skipped, failed) and its latencies in the {@link GenerationLatency}
 * histograms, and hands it on as a {@link SessionOutput}.
 */
final class EmitDecoded extends RichMapFunction<DecodedOutput, SessionOutput> {
    private static final long serialVersionUID = 1L;

    private final GenerationFunction.NanoClock clock;
    private transient LongCounter generated;
    private transient LongCounter missed;
    private transient LongCounter skipped;
    private transient LongCounter failed;
    private transient GenerationLatency latency;

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
    }

    @Override
    public SessionOutput map(DecodedOutput output) {
        LatencyBreakdown l = output.latency();
        LatencyBreakdown emitted = new LatencyBreakdown(l.acquisitionNanos(), l.ingestNanos(), l.latentNanos(), l.generatedNanos(),
                Math.max(l.generatedNanos(), clock.nanoTime()));
        DecodedOutput out = new DecodedOutput(output.sessionId(), output.index(), output.target(), output.kind(), output.status(),
                output.payload(), output.generatorSteps(), output.budgetNanos(), emitted);
        switch (out.status()) {
            case GENERATED -> generated.add(1L);
            case SKIPPED_QUEUE_FULL -> skipped.add(1L);
            case FAILED -> failed.add(1L);
        }
        if (!out.deadlineMet()) {
            missed.add(1L);
        }
        latency.add(out);
        return SessionOutput.of(out);
    }
}
