package org.bcistream.streaming.lsl;

/** An {@code lsl_api.cfg} text or a configuration value is invalid; the message names the line or key. */
public final class LslConfigException extends LslException {
    private static final long serialVersionUID = 1L;

    public LslConfigException(String message) {
        super(message);
    }
}
