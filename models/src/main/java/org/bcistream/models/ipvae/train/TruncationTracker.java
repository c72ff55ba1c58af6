package org.bcistream.models.ipvae.train;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * The adaptive truncation n ("n_exp") of the relaxed samples, one per unrolled step t (spec ipvae.md §2.4,
 * reference {@code main/train.py} L448-460): it starts at ppf<sub>0.999</sub>(Poisson(3)) = 10; each
 * iteration records the batch's largest rate at every step; every {@value #UPDATE_INTERVAL} iterations
 * after the warm-up, n[t] becomes ppf<sub>0.999</sub> of the mean of those maxima over the current epoch so
 * far. Mutable, not thread-safe.
 */
final class TruncationTracker {
    /** The reference updates every {@code log_freq · 20} = 200 iterations. */
    static final int UPDATE_INTERVAL = 200;
    private static final double INITIAL_RATE = 3;

    private final int[] truncation;
    private final double[] maxRateSum;
    private int batches;

    TruncationTracker(int steps) {
        this.truncation = new int[steps];
        this.maxRateSum = new double[steps];
        Arrays.fill(truncation, RelaxedPoisson.truncation(INITIAL_RATE));
    }

    /** The live truncation per step, read by the objective. */
    int[] truncation() {
        return truncation;
    }

    void startEpoch() {
        Arrays.fill(maxRateSum, 0);
        batches = 0;
    }

    /**
     * Records this iteration's batch maxima and, when due, updates the truncation.
     *
     * @param batchMaxRate the largest rate of the iteration's batch after step t, for t = 0…T−1
     */
    void afterIteration(int iteration, boolean warmingUp, IntToDoubleFunction batchMaxRate) {
        for (int t = 0; t < truncation.length; t++) {
            maxRateSum[t] += batchMaxRate.applyAsDouble(t);
        }
        batches++;
        if (iteration % UPDATE_INTERVAL == 0 && !warmingUp) {
            for (int t = 0; t < truncation.length; t++) {
                truncation[t] = RelaxedPoisson.truncation(maxRateSum[t] / batches);
            }
        }
    }
}
