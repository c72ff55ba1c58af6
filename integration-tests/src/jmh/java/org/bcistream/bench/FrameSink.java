package org.bcistream.bench;

import java.util.function.Consumer;

/**
 * The consumer a benchmarked stage hands its outputs to: keeps the last one and a count in fields, so the
 * JIT cannot drop the work that made them, and allocates nothing itself.
 *
 * @param <T> what the stage emits
 */
final class FrameSink<T> implements Consumer<T> {
    T last;
    long count;

    @Override
    public void accept(T value) {
        last = value;
        count++;
    }
}
