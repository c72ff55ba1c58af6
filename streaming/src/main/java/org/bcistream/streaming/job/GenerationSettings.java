package org.bcistream.streaming.job;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.bcistream.decoders.generate.GeneratorFactory;
import org.bcistream.decoders.record.OutputKind;

/**
 * How the job generates from trigger requests: the generator, its latency budget, and the generation
 * operator's shape (its own parallelism, worker threads and bounded queue per subtask; see
 * {@link GenerationFunction} for the overflow policy).
 *
 * @param factory builds the generators
 * @param kind what they produce
 * @param budget latency budget per output, from ingest to emission, {@code > 0}
 * @param parallelism subtasks of the generation operator, {@code >= 1}
 * @param workers worker threads per subtask, {@code >= 1}
 * @param queueCapacity requests queued or running per subtask, {@code >= workers}
 * @param clock the local monotonic clock
 */
public record GenerationSettings(GeneratorFactory factory, OutputKind kind, Duration budget, int parallelism, int workers,
        int queueCapacity, GenerationFunction.NanoClock clock) implements Serializable {
    public GenerationSettings {
        Objects.requireNonNull(factory, "generator factory");
        Objects.requireNonNull(kind, "output kind");
        Objects.requireNonNull(clock, "clock");
        if (budget == null || budget.isNegative() || budget.isZero() || parallelism < 1 || workers < 1 || queueCapacity < workers) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "generation needs a budget > 0 (got %s), parallelism >= 1 (%d), workers >= 1 (%d) and a queue of at least "
                            + "the workers (%d)", budget, parallelism, workers, queueCapacity));
        }
    }

    /** The operator function. */
    GenerationFunction function() {
        return new GenerationFunction(factory, kind, workers, queueCapacity, budget.toNanos(), clock);
    }
}
