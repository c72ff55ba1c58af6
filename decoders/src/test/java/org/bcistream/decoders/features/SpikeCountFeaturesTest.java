package org.bcistream.decoders.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bcistream.decoders.preprocess.ChannelMismatchException;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.SpikeEvents;
import org.bcistream.decoders.testing.StateBeans;
import org.junit.jupiter.api.Test;

class SpikeCountFeaturesTest {
    private static final FeatureConfig QUARTER_SECOND_BINS = FeatureConfig.defaults().withSpikeBinSeconds(0.25);

    private static SpikeEvents span(double start, double end, int[] units, double[] times) {
        return new SpikeEvents("s1", "spikes", 3, start, end, units, times, 7L);
    }

    private static List<FeatureFrame> run(SpikeCountFeatures stage, SpikeCountState state, SpikeEvents... spans) {
        List<FeatureFrame> frames = new ArrayList<>();
        for (SpikeEvents span : spans) {
            stage.process(span, state, frames::add);
        }
        return frames;
    }

    @Test
    void countsPerUnitPerBinWithEmptyBinsAsZeros() {
        SpikeCountFeatures stage = new SpikeCountFeatures(3, QUARTER_SECOND_BINS);
        SpikeCountState state = stage.newState();
        List<FeatureFrame> first = run(stage, state, span(10.0, 11.0,
                new int[] {0, 1, 0, 2, 2}, new double[] {10.0, 10.1, 10.2499, 10.25, 10.8}));
        assertEquals(4, first.size(), "bins [10, 10.25) .. [10.75, 11) are closed by the span end");
        assertArrayEquals(new float[] {2, 1, 0}, first.get(0).values());
        assertArrayEquals(new float[] {0, 0, 1}, first.get(1).values());
        assertArrayEquals(new float[] {0, 0, 0}, first.get(2).values());
        assertArrayEquals(new float[] {0, 0, 1}, first.get(3).values());
        for (int b = 0; b < 4; b++) {
            assertEquals(b, first.get(b).index());
            assertEquals(10.25 + 0.25 * b, first.get(b).frameTime(), 1e-12);
            assertEquals(3, first.get(b).rows());
            assertEquals(1, first.get(b).columns());
            assertEquals(7L, first.get(b).ingestNanos());
        }

        // a span ending inside a bin leaves it open; the next span closes it
        List<FeatureFrame> second = run(stage, state, span(11.0, 11.6, new int[] {1}, new double[] {11.3}));
        assertEquals(2, second.size());
        assertArrayEquals(new float[] {0, 1, 0}, second.get(1).values());
        List<FeatureFrame> third = run(stage, state, span(11.6, 12.0, new int[] {0}, new double[] {11.7}));
        assertEquals(2, third.size());
        assertArrayEquals(new float[] {1, 0, 0}, third.get(0).values());
        assertEquals(12.0, third.get(1).frameTime(), 1e-12);

        // a gap between spans counts as silence
        List<FeatureFrame> afterGap = run(stage, state, span(13.0, 13.25, new int[] {2}, new double[] {13.1}));
        assertEquals(5, afterGap.size());
        assertEquals(8, afterGap.get(0).index());
        assertArrayEquals(new float[] {0, 0, 1}, afterGap.get(4).values());
    }

    @Test
    void aSpikeInAnEmittedBinIsRefused() {
        SpikeCountFeatures stage = new SpikeCountFeatures(3, QUARTER_SECOND_BINS);
        SpikeCountState state = stage.newState();
        run(stage, state, span(10.0, 11.0, new int[0], new double[0]));
        LateSpikeException e = assertThrows(LateSpikeException.class,
                () -> run(stage, state, span(10.5, 11.5, new int[] {1}, new double[] {10.6})));
        assertEquals("spike 0 of session s1 at 10.600000 s falls in bin 2 [10.500000, 10.750000) s, which was already "
                + "emitted (the open bin is 4)", e.getMessage());
    }

    @Test
    void eventsOfAnotherUnitCountAreRefused() {
        SpikeCountFeatures stage = new SpikeCountFeatures(4, FeatureConfig.defaults());
        ChannelMismatchException e = assertThrows(ChannelMismatchException.class,
                () -> run(stage, stage.newState(), span(0, 1, new int[0], new double[0])));
        assertEquals("spike events of session s1 have 3 units, the spike-count stage expects 4", e.getMessage());
    }

    @Test
    void howSpikesAreSplitIntoSpansDoesNotChangeTheFrames() {
        SpikeCountFeatures stage = new SpikeCountFeatures(3, FeatureConfig.defaults());
        SplittableRandom random = new SplittableRandom(12);
        int spikes = 400;
        double[] times = new double[spikes];
        int[] units = new int[spikes];
        double t = 2.0;
        for (int i = 0; i < spikes; i++) {
            t += random.nextDouble() * 0.01;
            times[i] = t;
            units[i] = random.nextInt(3);
        }
        double end = t + 0.05;
        List<FeatureFrame> whole = run(stage, stage.newState(), span(2.0, end, units, times));
        for (long seed = 1; seed <= 3; seed++) {
            List<SpikeEvents> spans = splitAtRandomTimes(times, units, 2.0, end, new SplittableRandom(seed));
            List<FeatureFrame> split = run(stage, stage.newState(), spans.toArray(SpikeEvents[]::new));
            assertEquals(whole, split, "seed " + seed);
        }
        assertEquals(Math.floor((end - 2.0) / 0.02), whole.size(), 1.0);
        assertEquals(spikes, whole.stream().mapToDouble(f -> f.value(0, 0) + f.value(1, 0) + f.value(2, 0)).sum());
    }

    @Test
    void aCopiedStateContinuesExactlyLikeTheOriginal() {
        SpikeCountFeatures stage = new SpikeCountFeatures(3, FeatureConfig.defaults());
        SpikeCountState original = stage.newState();
        run(stage, original, span(0.0, 0.13, new int[] {0, 2}, new double[] {0.01, 0.125}));
        SpikeCountState copy = StateBeans.copy(original);
        SpikeEvents next = span(0.13, 0.3, new int[] {1, 2, 2}, new double[] {0.13, 0.2, 0.29});
        assertEquals(run(stage, original, next), run(stage, copy, next));
        StateBeans.assertFlinkPojo(SpikeCountState.class);
    }

    private static List<SpikeEvents> splitAtRandomTimes(double[] times, int[] units, double start, double end,
            SplittableRandom random) {
        List<SpikeEvents> spans = new ArrayList<>();
        int from = 0;
        double spanStart = start;
        while (spanStart < end) {
            double spanEnd = Math.min(end, spanStart + random.nextDouble() * 0.1);
            int to = from;
            while (to < times.length && times[to] < spanEnd) {
                to++;
            }
            spans.add(new SpikeEvents("s1", "spikes", 3, spanStart, spanEnd, java.util.Arrays.copyOfRange(units, from, to),
                    java.util.Arrays.copyOfRange(times, from, to), 7L));
            from = to;
            spanStart = spanEnd;
        }
        return spans;
    }
}
