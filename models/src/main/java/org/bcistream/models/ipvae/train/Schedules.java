package org.bcistream.models.ipvae.train;

/**
 * Every per-iteration quantity of one training run (spec ipvae.md §4.2), for N = {@code iterations}
 * optimiser steps:
 *
 * <ul>
 *   <li>learning rate: during the warm-up (i/N &lt; warmupPortion) lr·(i/N)/warmupPortion, so 0 at i = 0; then
 *       cosine annealing lr<sub>min</sub> + (lr − lr<sub>min</sub>)(1 + cos(π j / T<sub>max</sub>))/2, with j
 *       the iterations since the warm-up and T<sub>max</sub> = (1 − warmupPortion)·N;
 *   <li>gradient clip norm: 3× the configured norm during the warm-up;
 *   <li>β and the clamp-widening ε from {@link BetaWarmup}; clamp widths c = 2 + ε(c<sub>final</sub> − 2);
 *   <li>temperature from {@link TemperatureSchedule}.
 * </ul>
 *
 * One difference from the reference: PyTorch's recursive cosine scheduler starts from the last warm-up
 * rate, lr·(1 − 1/W) for W warm-up iterations, instead of lr; this class uses the closed form from lr.
 * Immutable.
 */
final class Schedules {
    /** The clamp width at the start of training for the Poisson model (spec §2.3, {@code get_c}). */
    static final double INITIAL_CLAMP = 2.0;

    private final TrainingConfig config;
    private final int iterations;
    private final int firstAfterWarmup;

    Schedules(TrainingConfig config, int iterations) {
        this.config = config;
        this.iterations = iterations;
        int first = 0;
        while (first < iterations && isWarmingUp(first)) {
            first++;
        }
        this.firstAfterWarmup = first;
    }

    int iterations() {
        return iterations;
    }

    boolean isWarmingUp(int i) {
        return (double) i / iterations < config.warmupPortion();
    }

    double learningRate(int i) {
        double lr = config.learningRate();
        if (isWarmingUp(i)) {
            return lr * ((double) i / iterations) / config.warmupPortion();
        }
        double period = (1 - config.warmupPortion()) * iterations;
        double min = config.minLearningRate();
        return min + (lr - min) * (1 + Math.cos(Math.PI * (i - firstAfterWarmup) / period)) / 2;
    }

    double clipNorm(int i) {
        return isWarmingUp(i) ? 3 * config.gradientClip() : config.gradientClip();
    }

    double beta(int i) {
        BetaWarmup warmup = config.betaWarmup();
        return warmup.at(i, iterations, warmup.start(), config.beta());
    }

    /** ε_anneal in [0, 1]: 0 at the start, 1 after the β warm-up. */
    double clampProgress(int i) {
        return config.betaWarmup().at(i, iterations, 0.0, 1.0);
    }

    double temperature(int i) {
        return config.temperature().at(i, iterations);
    }

    /** The settings of the loss at iteration {@code i}. */
    IterationSettings at(int i) {
        double eps = clampProgress(i);
        return new IterationSettings(beta(i), widen(config.clampU(), eps), widen(config.clampDeltaU(), eps),
                temperature(i));
    }

    static double widen(double finalWidth, double progress) {
        return INITIAL_CLAMP + progress * (finalWidth - INITIAL_CLAMP);
    }

    /** numpy's linspace(from, to, n)[i]: from + i·(to − from)/(n − 1), exactly {@code to} at i = n − 1. */
    static double linspace(double from, double to, int n, int i) {
        if (n == 1) {
            return from;
        }
        return i == n - 1 ? to : from + i * ((to - from) / (n - 1));
    }
}
