package org.bcistream.hardware.synthetic;

import java.util.Arrays;

/**
 * Reusable output buffers of the block being generated: voltage samples (sample-major, all channels) or
 * spikes. Owned by one {@link SyntheticSubject}, which copies them into each {@link SyntheticBlock}; the
 * spike arrays grow as needed.
 */
final class BlockBuffers {
    final int channelCount;
    final float[] samples;
    long firstSample;
    int[] spikeUnits = new int[1024];
    double[] spikeTimes = new double[1024];
    int spikeCount;

    /** Buffers for blocks of {@code sampleCount} samples ({@code 0} for spike-only blocks). */
    BlockBuffers(int channelCount, int sampleCount) {
        this.channelCount = channelCount;
        this.samples = new float[sampleCount * channelCount];
    }

    /** Starts the block whose first sample is {@code first}: all samples zero, no spikes. */
    void reset(long first) {
        firstSample = first;
        Arrays.fill(samples, 0f);
        spikeCount = 0;
    }

    void addSpike(int unit, double time) {
        if (spikeCount == spikeTimes.length) {
            spikeUnits = Arrays.copyOf(spikeUnits, 2 * spikeCount);
            spikeTimes = Arrays.copyOf(spikeTimes, 2 * spikeCount);
        }
        spikeUnits[spikeCount] = unit;
        spikeTimes[spikeCount++] = time;
    }
}
