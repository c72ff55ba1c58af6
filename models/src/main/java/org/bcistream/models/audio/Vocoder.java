package org.bcistream.models.audio;

/**
 * Turns a log-mel spectrogram ({@code float[frames][nMels]}, the output of {@link MelSpectrogram} for
 * {@link #melConfig()}) back into audio at the configuration's sample rate.
 *
 * <p>Contract: {@code frames} frames give {@link MelConfig#sampleCount(int) hop (frames - 1)} samples,
 * the length of the centred signal they describe, both in one call ({@link #synthesize}) and in total
 * over a {@link VocoderStream}. Implementations: {@link GriffinLim}; a neural vocoder can come later.
 */
public interface Vocoder {
    /** The mel front end whose output this vocoder inverts. */
    MelConfig melConfig();

    /**
     * Audio for a whole spectrogram.
     *
     * @param logMel {@code [frames][nMels]}, finite
     * @return {@code hop (frames - 1)} samples (none for 0 or 1 frames)
     * @throws IllegalArgumentException for a frame of the wrong width or a non-finite value
     */
    float[] synthesize(float[][] logMel);

    /** A new stream for one utterance or session, independent of every other stream. */
    VocoderStream openStream();
}
