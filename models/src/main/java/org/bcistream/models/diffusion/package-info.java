/**
 * Few-step DDIM diffusion sampling for the generators (spec ddim.md section A): noise schedules
 * ({@link org.bcistream.models.diffusion.NoiseSchedule}, {@link org.bcistream.models.diffusion.BetaSchedule},
 * with the zero-terminal-SNR rescale), timestep spacings
 * ({@link org.bcistream.models.diffusion.TimestepSpacing}), the sampler
 * ({@link org.bcistream.models.diffusion.DdimSampler} configured by
 * {@link org.bcistream.models.diffusion.DdimConfig}: η, ε/v/sample prediction, clipping and thresholding,
 * classifier-free guidance with rescale) and sampling within a latency budget
 * ({@link org.bcistream.models.diffusion.BudgetedSampler}).
 *
 * <p>Networks plug in through {@link org.bcistream.models.diffusion.Denoiser}, which works on flat
 * {@code float[]} samples of a {@link org.bcistream.models.diffusion.SampleShape}; noise comes from an
 * injected {@link org.bcistream.models.diffusion.NoiseSource} and time from an injected clock, so every
 * run can be replayed. Schedules are float64; samples and network outputs float32.
 */
package org.bcistream.models.diffusion;
