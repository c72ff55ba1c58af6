package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

/**
 * Settings of the LCA baseline (spec ipvae.md §6, after lcapt): the threshold λ, the time constant τ of
 * the forward-Euler update (in iterations), and whether activities are non-negative.
 *
 * @param lambda threshold λ of the soft threshold, {@code >= 0} (the comparison sweeps 0.01-10; 0.5 was
 *     the best point)
 * @param tau time constant τ, {@code >= 1}; lcapt's default is {@value #DEFAULT_TAU}
 * @param nonNegative a = max(u − λ, 0) when true (lcapt's default), else the two-sided soft threshold
 *     sign(u)·max(|u| − λ, 0)
 */
public record LcaConfig(double lambda, double tau, boolean nonNegative) {

    public static final double DEFAULT_TAU = 100;

    /** lcapt's default number of iterations per input (the comparison used it). */
    public static final int DEFAULT_ITERATIONS = 1000;

    public LcaConfig {
        if (!(Double.isFinite(lambda) && lambda >= 0)) {
            throw invalid("LCA threshold lambda must be finite and >= 0; got %s", lambda);
        }
        if (!(Double.isFinite(tau) && tau >= 1)) {
            throw invalid("LCA time constant tau must be finite and >= 1 (an Euler step of at most 1); got %s", tau);
        }
    }
}
