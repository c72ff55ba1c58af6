package org.bcistream.models.diffusion;

import java.util.function.LongSupplier;

/** A nanosecond clock that only moves when told to. */
final class FakeNanoClock implements LongSupplier {
    private long now = 1_000_000_000L;

    @Override
    public long getAsLong() {
        return now;
    }

    void advance(long nanos) {
        now += nanos;
    }
}
