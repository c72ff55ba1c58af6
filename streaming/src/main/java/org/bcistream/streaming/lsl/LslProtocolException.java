package org.bcistream.streaming.lsl;

/**
 * The other party broke the LSL wire protocol: malformed XML or headers, an error status, an unsupported version or
 * byte order, or test-pattern samples that differ from the specification. Retrying the same peer will not help.
 */
public final class LslProtocolException extends LslException {
    private static final long serialVersionUID = 1L;

    public LslProtocolException(String message) {
        super(message);
    }

    public LslProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
