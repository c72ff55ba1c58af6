/**
 * The preprocess stage, without Flink: {@link org.bcistream.decoders.preprocess.Preprocessor} maps a
 * device's stream to its neural channels, scales counts to microvolts, re-references
 * ({@link org.bcistream.decoders.preprocess.ReferenceMode}) and applies causal notch and band-pass filters,
 * as configured by {@link org.bcistream.decoders.preprocess.PreprocessConfig}. Per-session filter memory is
 * the explicit Flink-POJO {@link org.bcistream.decoders.preprocess.PreprocessState}.
 *
 * <p>Input that does not fit the stage fails with typed exceptions carrying the numbers:
 * {@link org.bcistream.decoders.preprocess.ChannelMismatchException},
 * {@link org.bcistream.decoders.preprocess.SampleRateMismatchException},
 * {@link org.bcistream.decoders.preprocess.InvalidPreprocessConfigException}.
 */
package org.bcistream.decoders.preprocess;
