/**
 * The feature stage, without Flink: {@link org.bcistream.decoders.features.BandPowerFeatures} (sliding-window
 * log band power of preprocessed signals, optionally z-scored by an
 * {@link org.bcistream.decoders.features.OnlineNormalizer}) and
 * {@link org.bcistream.decoders.features.SpikeCountFeatures} (binned spike counts), configured by
 * {@link org.bcistream.decoders.features.FeatureConfig}. Each keeps its per-session memory in an explicit
 * Flink-POJO state object ({@link org.bcistream.decoders.features.BandPowerState},
 * {@link org.bcistream.decoders.features.SpikeCountState},
 * {@link org.bcistream.decoders.features.NormalizerState}) and emits
 * {@link org.bcistream.decoders.record.FeatureFrame}s whose values do not depend on how the input is
 * chunked.
 *
 * <p>The band-power definition is checked against NumPy/SciPy by the fixture from
 * {@code decoders/src/test/python/make_filter_fixtures.py}.
 */
package org.bcistream.decoders.features;
