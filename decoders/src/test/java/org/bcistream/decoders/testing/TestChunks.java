package org.bcistream.decoders.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bcistream.decoders.record.SignalChunk;

/** Cuts one sample-major signal into signal chunks of chosen sizes, for chunking-invariance tests. */
public final class TestChunks {
    public static final long INGEST_NANOS = 42L;

    private TestChunks() {}

    /** How to cut a signal. */
    public enum Cut {
        WHOLE,
        SINGLE_SAMPLES,
        RANDOM
    }

    /** Chunk sizes summing to {@code samples}: one chunk, all ones, or seeded random sizes 1..97. */
    public static int[] sizes(int samples, Cut cut, long seed) {
        return switch (cut) {
            case WHOLE -> new int[] {samples};
            case SINGLE_SAMPLES -> {
                int[] ones = new int[samples];
                Arrays.fill(ones, 1);
                yield ones;
            }
            case RANDOM -> {
                SplittableRandom random = new SplittableRandom(seed);
                List<Integer> sizes = new ArrayList<>();
                for (int left = samples; left > 0; ) {
                    int size = Math.min(left, 1 + random.nextInt(97));
                    sizes.add(size);
                    left -= size;
                }
                yield sizes.stream().mapToInt(Integer::intValue).toArray();
            }
        };
    }

    /** Chunks of the given sizes; sample i has time stamp {@code t0 + i / rate}. */
    public static List<SignalChunk> chunks(String session, int channels, double rateHz, double t0, float[] samples,
            int[] sizes) {
        List<SignalChunk> chunks = new ArrayList<>();
        int start = 0;
        for (int size : sizes) {
            double[] times = new double[size];
            for (int i = 0; i < size; i++) {
                times[i] = t0 + (start + i) / rateHz;
            }
            float[] values = Arrays.copyOfRange(samples, start * channels, (start + size) * channels);
            chunks.add(new SignalChunk(session, "stream-1", channels, rateHz, times, values, INGEST_NANOS));
            start += size;
        }
        return chunks;
    }

    /** The samples of consecutive chunks, joined. */
    public static float[] joinedSamples(List<SignalChunk> chunks) {
        int total = chunks.stream().mapToInt(c -> c.sampleCount() * c.channelCount()).sum();
        float[] joined = new float[total];
        int at = 0;
        for (SignalChunk chunk : chunks) {
            chunk.copySamplesInto(joined, at);
            at += chunk.sampleCount() * chunk.channelCount();
        }
        return joined;
    }

    /** A reproducible test signal: per channel a sine mixture with offsets and seeded Gaussian noise. */
    public static float[] signal(int samples, int channels, double rateHz, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[samples * channels];
        for (int s = 0; s < samples; s++) {
            double t = s / rateHz;
            for (int c = 0; c < channels; c++) {
                double value = 20 * Math.sin(2 * Math.PI * (6 + 3 * c) * t + c) + 8 * Math.sin(2 * Math.PI * 50 * t)
                        + 5 * Math.sin(2 * Math.PI * (21 + c) * t) + 30 * c - 10 + 4 * gaussian(random);
                values[s * channels + c] = (float) value;
            }
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
