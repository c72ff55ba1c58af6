package org.bcistream.streaming.lsl;

/**
 * An argument was invalid: a buffer of the wrong size, a bad query, a stream info that cannot be used (liblsl
 * {@code lsl_argument_error}, -3). The message carries the numbers involved.
 */
public final class LslArgumentException extends LslException {
    private static final long serialVersionUID = 1L;

    public LslArgumentException(String message) {
        super(message);
    }
}
