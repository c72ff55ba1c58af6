package org.bcistream.hardware.synthetic;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One block of synthetic-subject output covering {@code sampleCount} sample periods of the device,
 * from {@code startTime} (time of sample {@code firstSample}) to {@code endTime} (time of the first sample
 * of the next block, exclusive).
 *
 * <p>EEG profiles fill {@code timestamps} (one per sample, seconds, source clock) and {@code samples}
 * (sample-major over all {@code channelCount} channels of the profile, i.e. value {@code (i, c)} at
 * {@code i * channelCount + c}; neural channels in microvolts, auxiliary channels in their own units) and
 * leave the spike arrays empty. Intracortical profiles fill {@code spikeUnits} (stream index of the unit's
 * channel) and {@code spikeTimes} (seconds, non-decreasing, within {@code [startTime, endTime]}) and leave
 * the sample arrays empty. {@code cues} are the trial markers whose sample falls in this block, in time
 * order.
 *
 * <p>Immutable: arrays are copied in and out; use {@link #sample(int, int)}, {@link #timestamp(int)},
 * {@link #spikeUnit(int)} and {@link #spikeTime(int)} to read single values without copying. Equality
 * compares the arrays' contents (floats and doubles bit for bit).
 *
 * @param firstSample index of the block's first sample, counted from the subject's first sample
 * @param sampleCount sample periods the block spans, {@code > 0}
 * @param startTime source-clock time of sample {@code firstSample}, seconds
 * @param endTime source-clock time of sample {@code firstSample + sampleCount}, seconds
 * @param channelCount channels of the profile's stream, auxiliary ones included
 * @param timestamps per-sample time stamps, {@code sampleCount} of them or none
 * @param samples {@code timestamps.length * channelCount} values, sample-major
 * @param spikeUnits channel index of each spike
 * @param spikeTimes time of each spike, seconds
 * @param cues trial markers in this block
 */
public record SyntheticBlock(
        long firstSample,
        int sampleCount,
        double startTime,
        double endTime,
        int channelCount,
        double[] timestamps,
        float[] samples,
        int[] spikeUnits,
        double[] spikeTimes,
        List<SyntheticCue> cues) {

    /** Checks the invariants above and copies the arrays and the cue list. */
    public SyntheticBlock {
        Objects.requireNonNull(cues, "cues");
        require(firstSample >= 0 && sampleCount > 0 && channelCount > 0,
                "firstSample %d, sampleCount %d and channelCount %d must be >= 0, > 0 and > 0",
                firstSample, sampleCount, channelCount);
        require(Double.isFinite(startTime) && Double.isFinite(endTime) && startTime < endTime,
                "time span [%s, %s) is not a finite non-empty interval", startTime, endTime);
        timestamps = timestamps.clone();
        samples = samples.clone();
        spikeUnits = spikeUnits.clone();
        spikeTimes = spikeTimes.clone();
        cues = List.copyOf(cues);
        require(timestamps.length == 0 || timestamps.length == sampleCount,
                "%d time stamps for a block of %d samples", timestamps.length, sampleCount);
        require(samples.length == (long) timestamps.length * channelCount,
                "%d sample values, expected %d time stamps x %d channels", samples.length, timestamps.length,
                channelCount);
        require(spikeUnits.length == spikeTimes.length, "%d spike units but %d spike times",
                spikeUnits.length, spikeTimes.length);
        double previous = startTime;
        for (int i = 0; i < spikeTimes.length; i++) {
            require(spikeUnits[i] >= 0 && spikeUnits[i] < channelCount, "spike %d has unit %d, outside 0..%d", i,
                    spikeUnits[i], channelCount - 1);
            require(spikeTimes[i] >= previous && spikeTimes[i] <= endTime,
                    "spike %d at %s s is out of order or outside [%s, %s]", i, spikeTimes[i], startTime, endTime);
            previous = spikeTimes[i];
        }
        long previousSample = firstSample;
        for (SyntheticCue cue : cues) {
            require(cue.sampleIndex() >= previousSample && cue.sampleIndex() < firstSample + sampleCount,
                    "cue at sample %d is out of order or outside samples %d..%d", cue.sampleIndex(), firstSample,
                    firstSample + sampleCount - 1);
            previousSample = cue.sampleIndex();
        }
    }

    /** Per-sample time stamps, seconds (a copy; empty for intracortical profiles). */
    @Override
    public double[] timestamps() {
        return timestamps.clone();
    }

    /** Sample-major values over all channels (a copy; empty for intracortical profiles). */
    @Override
    public float[] samples() {
        return samples.clone();
    }

    /** Channel index of each spike (a copy; empty for EEG profiles). */
    @Override
    public int[] spikeUnits() {
        return spikeUnits.clone();
    }

    /** Time of each spike, seconds (a copy; empty for EEG profiles). */
    @Override
    public double[] spikeTimes() {
        return spikeTimes.clone();
    }

    /** True when the block carries voltage samples (EEG profiles). */
    public boolean hasSamples() {
        return timestamps.length > 0;
    }

    /** Value of channel {@code channel} at sample {@code i} of this block. */
    public float sample(int i, int channel) {
        Objects.checkIndex(channel, channelCount);
        return samples[Math.multiplyExact(Objects.checkIndex(i, timestamps.length), channelCount) + channel];
    }

    /** Time stamp of sample {@code i} of this block, seconds. */
    public double timestamp(int i) {
        return timestamps[i];
    }

    /** Number of spikes in this block. */
    public int spikeCount() {
        return spikeTimes.length;
    }

    /** Channel index of spike {@code i}. */
    public int spikeUnit(int i) {
        return spikeUnits[i];
    }

    /** Time of spike {@code i}, seconds. */
    public double spikeTime(int i) {
        return spikeTimes[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SyntheticBlock b
                && firstSample == b.firstSample
                && sampleCount == b.sampleCount
                && Double.compare(startTime, b.startTime) == 0
                && Double.compare(endTime, b.endTime) == 0
                && channelCount == b.channelCount
                && Arrays.equals(timestamps, b.timestamps)
                && Arrays.equals(samples, b.samples)
                && Arrays.equals(spikeUnits, b.spikeUnits)
                && Arrays.equals(spikeTimes, b.spikeTimes)
                && cues.equals(b.cues);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(firstSample);
        h = 31 * h + sampleCount;
        h = 31 * h + Double.hashCode(startTime);
        h = 31 * h + channelCount;
        h = 31 * h + Arrays.hashCode(samples);
        h = 31 * h + Arrays.hashCode(spikeTimes);
        return 31 * h + cues.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "SyntheticBlock[samples %d..%d, t=[%.6f, %.6f), %d channels, %s, %d spikes, cues %s]",
                firstSample, firstSample + sampleCount - 1, startTime, endTime, channelCount,
                hasSamples() ? "with samples" : "no samples", spikeTimes.length, cues);
    }

    private static void require(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException("synthetic block: " + String.format(Locale.ROOT, format, args));
        }
    }
}
