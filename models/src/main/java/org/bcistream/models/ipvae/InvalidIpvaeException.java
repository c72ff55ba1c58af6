package org.bcistream.models.ipvae;

/**
 * Parameters, a configuration, an input frame or a saved state of the iterative VAE was refused; the
 * message says which invariant failed, with the numbers.
 */
public final class InvalidIpvaeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidIpvaeException(String message) {
        super(message);
    }
}
