package org.bcistream.decoders.generate;

import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.trigger.GenerationRequest;

/**
 * Generates one output (an image or a speech chunk) for a trigger's request within a time budget. An
 * implementation may keep per-session state (e.g. the context of chained speech chunks) and reuse buffers, so
 * it is confined to one thread; the generation operator builds one per worker from a {@link GeneratorFactory}.
 */
public interface OutputGenerator {

    /** What this generator produces. */
    OutputKind kind();

    /**
     * Generates for {@code request}.
     *
     * @param budgetNanos the time left for this generation, nanoseconds, {@code > 0}; a generator that can trade
     *     quality for time (fewer diffusion steps) should fit it
     * @return the payload (PNG bytes or 16-bit little-endian PCM) and the steps used
     * @throws Exception if generation fails; the request is then reported as failed, not dropped
     */
    Generated generate(GenerationRequest request, long budgetNanos) throws Exception;

    /**
     * A generator's result.
     *
     * @param payload PNG bytes or PCM samples, non-empty
     * @param steps diffusion steps used, {@code >= 1}
     */
    record Generated(byte[] payload, int steps) {
        public Generated {
            if (payload == null || payload.length == 0 || steps < 1) {
                throw new IllegalArgumentException("a generated output needs a payload and at least one step; got "
                        + (payload == null ? "no" : payload.length) + " bytes, " + steps + " steps");
            }
        }
    }
}
