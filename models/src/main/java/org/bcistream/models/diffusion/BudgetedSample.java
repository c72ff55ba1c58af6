package org.bcistream.models.diffusion;

/**
 * What one {@link BudgetedSampler#sample} did.
 *
 * @param steps the DDIM step count used, a rung of the ladder
 * @param elapsedNanos the wall time the sample took on the sampler's clock, in nanoseconds
 * @param budgetNanos the time that was allowed, in nanoseconds
 * @param deadlineMissed whether {@code elapsedNanos > budgetNanos}; the sample was still produced
 */
public record BudgetedSample(int steps, long elapsedNanos, long budgetNanos, boolean deadlineMissed) {}
