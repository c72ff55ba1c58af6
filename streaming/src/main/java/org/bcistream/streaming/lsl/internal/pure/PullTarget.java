package org.bcistream.streaming.lsl.internal.pure;

import org.bcistream.streaming.lsl.internal.wire.Sample;

/**
 * Copies queued samples into a caller's typed array and time-stamp array, converting the values; one reusable
 * instance per inlet so that pulls do not allocate. Used under the inlet's pull lock.
 */
final class PullTarget implements SampleRing.SampleConsumer {
    private final int channelCount;
    private Object values;
    private double[] timestamps;

    PullTarget(int channelCount) {
        this.channelCount = channelCount;
    }

    /**
     * Moves up to {@code max} samples from {@code ring} into {@code values} (a float[], double[], int[], short[],
     * byte[], long[] or String[]) and {@code timestamps}, waiting as {@link SampleRing#poll} does.
     */
    int pull(SampleRing ring, Object values, double[] timestamps, int max, long timeoutNanos, boolean fill) {
        this.values = values;
        this.timestamps = timestamps;
        try {
            return ring.poll(max, timeoutNanos, fill, this);
        } finally {
            this.values = null;
            this.timestamps = null;
        }
    }

    @Override
    public void accept(Sample s, int index) {
        s.retrieveInto(values, index * channelCount);
        timestamps[index] = s.timestamp();
    }
}
