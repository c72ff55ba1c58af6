/**
 * Training of the iterative Poisson VAE as its reference code trains it ({@code shared/specs/ipvae.md} §4):
 * backpropagation through T_train unrolled inference steps with relaxed Poisson samples, a Gaussian NLL
 * with learned σ plus β·KL, Adamax with the reference schedules. The result is an
 * {@link org.bcistream.models.ipvae.IpvaeModel} for the online engine of the parent package.
 *
 * <ul>
 *   <li>Entry points: {@link org.bcistream.models.ipvae.train.IpvaeTrainer} configured by a
 *       {@link org.bcistream.models.ipvae.train.TrainingConfig}; it returns a
 *       {@link org.bcistream.models.ipvae.train.TrainingResult} (model, seed, data fingerprint, history) and
 *       reports {@link org.bcistream.models.ipvae.train.TrainingProgress} to a
 *       {@link org.bcistream.models.ipvae.train.ProgressListener}.
 *   <li>Evaluation with exact spikes through {@link org.bcistream.models.ipvae.IpvaeSession}:
 *       {@link org.bcistream.models.ipvae.train.IpvaeEvaluation}.
 *   <li>Internals: the unrolled loss and its hand-derived gradient ({@code UnrolledObjective}, checked
 *       against finite differences in the tests), the relaxed sample ({@code RelaxedPoisson},
 *       {@code ArrivalNoise}), the clamp and KL derivatives, the schedules, Adamax, the gradient clip and
 *       the adaptive truncation.
 * </ul>
 *
 * <p>Computation is in float64 on plain arrays, single-threaded. Invalid settings or frames raise
 * {@link org.bcistream.models.ipvae.InvalidIpvaeException}; a run whose loss or gradient becomes non-finite
 * raises {@link org.bcistream.models.ipvae.train.TrainingDivergedException}.
 */
package org.bcistream.models.ipvae.train;
