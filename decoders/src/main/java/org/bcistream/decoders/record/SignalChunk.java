package org.bcistream.decoders.record;

import static org.bcistream.decoders.record.Checks.invalid;

import java.util.Arrays;
import java.util.Locale;

/**
 * A block of consecutive multichannel samples from one stream of one session, as LSL delivers them.
 *
 * <p>Samples are sample-major ({@code samples[s * channelCount + c]}), in microvolts after scaling for
 * neural channels. Time stamps are per sample, seconds on the source clock after time correction. The
 * ingest instant is the local monotonic clock ({@link System#nanoTime()}-style) when the chunk entered the
 * engine; it is used for latency, never for results.
 *
 * <p>Immutable: the constructor copies the arrays and the array accessors return copies; hot loops read
 * through {@link #sample(int, int)} and {@link #timestamp(int)}. Invariants: at least one sample and one
 * channel; {@code samples.length == timestamps.length * channelCount}; time stamps finite and
 * non-decreasing; samples finite (no NaN or infinity); nominal rate finite and {@code >= 0} (0 = irregular,
 * as in LSL).
 *
 * @param sessionId the session the chunk belongs to (the Flink key)
 * @param streamId the source stream (LSL source id, file stream name, Kafka stream id)
 * @param channelCount number of channels per sample
 * @param nominalRateHz the stream's nominal sampling rate, hertz; 0 for irregular streams
 * @param timestamps per-sample source time stamps, seconds
 * @param samples sample-major values
 * @param ingestNanos local monotonic clock on ingest, nanoseconds
 */
public record SignalChunk(
        String sessionId,
        String streamId,
        int channelCount,
        double nominalRateHz,
        double[] timestamps,
        float[] samples,
        long ingestNanos) {

    public SignalChunk {
        Checks.sessionId(sessionId);
        if (!(streamId != null)) {
            throw invalid("stream id is missing (session %s)", sessionId);
        }
        if (!(channelCount > 0)) {
            throw invalid("chunk of session %s has %d channels; at least 1 is needed", sessionId, channelCount);
        }
        if (!(Double.isFinite(nominalRateHz) && nominalRateHz >= 0)) {
            throw invalid("nominal rate of session %s is %s Hz; it must be finite and >= 0", sessionId, nominalRateHz);
        }
        if (!(timestamps != null && timestamps.length > 0)) {
            throw invalid("chunk of session %s has no samples", sessionId);
        }
        if (!(samples != null && samples.length == (long) timestamps.length * channelCount)) {
            throw invalid("chunk of session %s has %d values for %d time stamps x %d channels (expected %d)",
                sessionId, samples == null ? 0 : samples.length, timestamps.length, channelCount,
                (long) timestamps.length * channelCount);
        }
        Checks.finiteNonDecreasing(timestamps, "time stamps", sessionId);
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new InvalidRecordException(String.format(Locale.ROOT,
                        "chunk of session %s has %s at sample %d channel %d (t=%.6f s)",
                        sessionId, samples[i], i / channelCount, i % channelCount, timestamps[i / channelCount]));
            }
        }
        timestamps = timestamps.clone();
        samples = samples.clone();
    }

    /** Number of samples (time points) in the chunk. */
    public int sampleCount() {
        return timestamps.length;
    }

    /** Value of one channel at one sample. */
    public float sample(int sampleIndex, int channel) {
        return samples[sampleIndex * channelCount + channel];
    }

    /** Source time stamp of one sample, seconds. */
    public double timestamp(int sampleIndex) {
        return timestamps[sampleIndex];
    }

    /** Time stamp of the first sample, seconds. */
    public double firstTimestamp() {
        return timestamps[0];
    }

    /** Time stamp of the last sample, seconds. */
    public double lastTimestamp() {
        return timestamps[timestamps.length - 1];
    }

    /** A copy of the per-sample time stamps. */
    @Override
    public double[] timestamps() {
        return timestamps.clone();
    }

    /** A copy of the sample-major values. */
    @Override
    public float[] samples() {
        return samples.clone();
    }

    /** Copies the sample-major values into {@code target} from {@code offset}; no allocation. */
    public void copySamplesInto(float[] target, int offset) {
        System.arraycopy(samples, 0, target, offset, samples.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignalChunk other
                && sessionId.equals(other.sessionId)
                && streamId.equals(other.streamId)
                && channelCount == other.channelCount
                && Double.compare(nominalRateHz, other.nominalRateHz) == 0
                && ingestNanos == other.ingestNanos
                && Arrays.equals(timestamps, other.timestamps)
                && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sessionId.hashCode() + Arrays.hashCode(timestamps)) + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SignalChunk[session=%s, stream=%s, %d ch x %d samples @ %s Hz, t=%.6f..%.6f s]",
                sessionId, streamId, channelCount, timestamps.length, nominalRateHz, timestamps[0],
                timestamps[timestamps.length - 1]);
    }
}
