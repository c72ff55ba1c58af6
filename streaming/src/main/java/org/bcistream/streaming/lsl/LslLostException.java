package org.bcistream.streaming.lsl;

/**
 * The stream an inlet reads is gone and will not come back by itself (liblsl {@code lsl_lost_error}, -2): the
 * connection broke and the inlet cannot recover, because recovery is off or the stream has no source id. Re-resolve
 * and create a new inlet.
 */
public final class LslLostException extends LslException {
    private static final long serialVersionUID = 1L;

    public LslLostException(String message) {
        super(message);
    }

    public LslLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
