package org.bcistream.streaming.lsl;

/** An operation did not complete within its timeout (liblsl {@code lsl_timeout_error}, -1). */
public final class LslTimeoutException extends LslException {
    private static final long serialVersionUID = 1L;

    public LslTimeoutException(String message) {
        super(message);
    }
}
