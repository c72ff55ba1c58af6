package org.bcistream.models.ipvae.train;

/**
 * Summary of running a model over frames with exact Poisson spikes.
 *
 * @param frames the number of frames
 * @param meanR2 the mean over frames of the per-frame R² of x̂ = Φ z_out (spec ipvae.md §5.1)
 * @param zeroFraction the fraction of all reported spike counts (frames × latents) that are exactly 0
 */
public record EvaluationResult(int frames, double meanR2, double zeroFraction) {}
