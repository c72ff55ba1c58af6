package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The adaptive truncation: starts at 10, updates every 200 iterations after the warm-up from epoch means. */
class TruncationTrackerTest {

    @Test
    void updatesFromTheEpochMeanOfBatchMaximaEvery200IterationsAfterWarmup() {
        TruncationTracker tracker = new TruncationTracker(2);
        assertArrayEquals(new int[] {10, 10}, tracker.truncation());
        tracker.startEpoch();
        tracker.afterIteration(0, true, t -> 50);
        assertArrayEquals(new int[] {10, 10}, tracker.truncation(), "no update while warming up");
        tracker.afterIteration(199, false, t -> 50);
        assertArrayEquals(new int[] {10, 10}, tracker.truncation(), "no update off the interval");
        tracker.afterIteration(200, false, t -> t == 0 ? 0.5 : 7.0);
        // epoch means: (50 + 50 + 0.5)/3 = 33.5 and (50 + 50 + 7)/3 = 35.667
        assertArrayEquals(new int[] {RelaxedPoisson.truncation(33.5), RelaxedPoisson.truncation(107.0 / 3)},
                tracker.truncation());
        tracker.startEpoch();
        tracker.afterIteration(400, false, t -> 1.0);
        assertArrayEquals(new int[] {5, 5}, tracker.truncation(), "a new epoch restarts the means");
    }
}
