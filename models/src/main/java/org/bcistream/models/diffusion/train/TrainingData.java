package org.bcistream.models.diffusion.train;

/**
 * Training pairs for a conditional denoiser: for each index i in 0..size()−1 a condition vector (e.g. the
 * iP-VAE rates of a trial) and the clean target x₀ it should generate (e.g. a 32×32 glyph in [−1, 1],
 * row-major, or a mel chunk [M, F] band-major), plus, for networks that chain chunks, the clean context that
 * preceded the target. Lengths must match the network's {@code conditionSize()}, {@code sampleShape().size()}
 * and {@code contextSize()}; the trainer checks them as it reads.
 *
 * <p>The trainer reads the returned arrays and never modifies or keeps them; implementations may return
 * their own arrays without copying. Reads come from the training thread only.
 */
public interface TrainingData {

    /** The number of pairs, {@code >= 1}. */
    int size();

    /** The condition vector of pair {@code index}. */
    float[] condition(int index);

    /** The clean target x₀ of pair {@code index}. */
    float[] target(int index);

    /**
     * The clean context of pair {@code index} (for a speech chunk: the previous chunk's last frames, or
     * silence at an utterance start). Data for networks without context need not override this; the default
     * is an empty array.
     */
    default float[] context(int index) {
        return new float[0];
    }
}
