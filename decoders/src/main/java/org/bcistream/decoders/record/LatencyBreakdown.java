package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

/**
 * The instants one decoded output passed through the engine, all on the local monotonic clock
 * (nanoseconds; acquisition time is the source time stamp mapped to that clock).
 *
 * <p>Invariant: {@code acquisition <= ingest <= latent <= generated <= emitted}.
 */
public record LatencyBreakdown(
        long acquisitionNanos, long ingestNanos, long latentNanos, long generatedNanos, long emittedNanos) {

    public LatencyBreakdown {
        if (!(acquisitionNanos <= ingestNanos && ingestNanos <= latentNanos && latentNanos <= generatedNanos
                        && generatedNanos <= emittedNanos)) {
            throw invalid("latency instants are out of order: acquisition=%d ingest=%d latent=%d generated=%d emitted=%d ns",
                acquisitionNanos, ingestNanos, latentNanos, generatedNanos, emittedNanos);
        }
    }

    /** End-to-end latency, emit minus acquisition, nanoseconds. */
    public long endToEndNanos() {
        return emittedNanos - acquisitionNanos;
    }
}
