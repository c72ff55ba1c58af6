package org.bcistream.models.ipvae.train;

/**
 * The annealed settings of the loss at one training iteration (spec ipvae.md §4.2).
 *
 * @param beta the KL weight β
 * @param clampU the smooth ceiling width of the state u
 * @param clampDeltaU the smooth ceiling width of the step Δ
 * @param temperature the temperature τ of the relaxed Poisson samples, {@code > 0}
 */
record IterationSettings(double beta, double clampU, double clampDeltaU, double temperature) {}
