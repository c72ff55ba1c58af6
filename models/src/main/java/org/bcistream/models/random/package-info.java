/**
 * Random numbers for the models, with state that can be saved and restored byte-exactly:
 * {@link org.bcistream.models.random.SplitMix64} (a seeded, splittable generator with a 16-byte state),
 * {@link org.bcistream.models.random.PoissonSampler} (exact integer Poisson counts by inversion and by
 * Hörmann's PTRS) and {@link org.bcistream.models.random.StandardNormal} (Box-Muller).
 *
 * <p>The samplers are stateless functions of a {@link org.apache.commons.rng.UniformRandomProvider}; all
 * randomness lives in the generator, so saving the generator's state saves everything.
 */
package org.bcistream.models.random;
