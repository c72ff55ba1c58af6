/**
 * Speech targets and their signal processing for the speech generator: 16-bit PCM WAV I/O
 * ({@link org.bcistream.models.audio.Wav}), the mel front end ({@link org.bcistream.models.audio.Stft},
 * {@link org.bcistream.models.audio.MelFilterBank}, {@link org.bcistream.models.audio.MelSpectrogram}),
 * vocoders from log-mel back to audio ({@link org.bcistream.models.audio.Vocoder},
 * {@link org.bcistream.models.audio.GriffinLim}), the distances used to score generated speech
 * ({@link org.bcistream.models.audio.LogMelL1}, {@link org.bcistream.models.audio.Mcd},
 * {@link org.bcistream.models.audio.SpectralConvergence}) and the bundled
 * {@link org.bcistream.models.audio.VoiceBank} of spoken words.
 *
 * <p><b>Layout.</b> Audio is {@code float} samples, nominally in [-1, 1], at the sample rate the
 * {@link org.bcistream.models.audio.MelConfig} names. A log-mel spectrogram is {@code float[frames][nMels]}
 * (frame-major, so a streaming chunk is a run of rows) holding {@code ln(max(mel, 1e-5))} of the mel
 * <i>magnitude</i> (not power) spectrum, as HiFi-GAN and NVIDIA's Tacotron 2 compute it. The numerics
 * are checked against an independent numpy implementation ({@code src/test/resources/.../mel_reference.py}).
 */
package org.bcistream.models.audio;
