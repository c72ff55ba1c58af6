package org.bcistream.models.audio;

/**
 * Incremental vocoding of one session: log-mel frames go in as chunks of any size (e.g. 5 frames = 80 ms
 * at the default configuration), samples come out as soon as they are final. Chunk boundaries leave no
 * seam: the samples of all {@link #push} calls followed by {@link #finish} are one continuous signal of
 * {@code hop (frames - 1)} samples, overlap-added across chunks.
 *
 * <p>Not thread-safe: one producer per stream.
 */
public interface VocoderStream {
    /**
     * Adds frames and returns the samples that became final (possibly none).
     *
     * @param logMelFrames {@code [frames][nMels]}, finite; may be empty
     * @throws IllegalStateException after {@link #finish()}
     */
    float[] push(float[][] logMelFrames);

    /**
     * Ends the stream and returns the remaining samples.
     *
     * @throws IllegalStateException if already finished
     */
    float[] finish();
}
