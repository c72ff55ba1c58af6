/**
 * Online inference of the iterative Poisson VAE (iP-VAE; Vafaii, Galor and Yates, "Brain-like variational
 * inference", NeurIPS 2025, arXiv:2410.19315) exactly as its reference code runs it; {@code
 * shared/specs/ipvae.md} is the authority and its §10 test vectors are unit tests here.
 *
 * <ul>
 *   <li>Parameters: {@link org.bcistream.models.ipvae.LinearDecoder} (Φ, σ) inside an
 *       {@link org.bcistream.models.ipvae.IpvaeModel}; settings in {@link org.bcistream.models.ipvae.IpvaeConfig}.
 *   <li>Streaming: an {@link org.bcistream.models.ipvae.IpvaeEngine} (per thread or operator) advances
 *       {@link org.bcistream.models.ipvae.IpvaeState}s (per session; versioned bytes for Flink state) and
 *       fills {@link org.bcistream.models.ipvae.IpvaeFrame}s; {@link org.bcistream.models.ipvae.IpvaeSession}
 *       binds one engine to one state.
 *   <li>Linear algebra behind {@link org.bcistream.models.ipvae.DecoderKernel}: the sparse plain-array
 *       {@link org.bcistream.models.ipvae.SparseDecoderKernel} and the dense ND4J reference
 *       {@link org.bcistream.models.ipvae.Nd4jDecoderKernel}.
 *   <li>Baselines: the Gaussian variants ({@link org.bcistream.models.ipvae.GaussianIpvaeEngine}) and LCA
 *       ({@link org.bcistream.models.ipvae.LcaEncoder}).
 * </ul>
 *
 * <p>Computation is in float64. Invalid parameters, settings, frames and saved states raise
 * {@link org.bcistream.models.ipvae.InvalidIpvaeException} with the numbers.
 */
package org.bcistream.models.ipvae;
