package org.bcistream.models.ipvae.train;

/**
 * Training produced a non-finite loss or gradient; the message gives the iteration and the values. Lowering
 * the learning rate or the gradient clip usually helps.
 */
public final class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
