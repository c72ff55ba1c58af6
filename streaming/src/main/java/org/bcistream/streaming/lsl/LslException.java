package org.bcistream.streaming.lsl;

/**
 * The root of every exception the LSL API throws. Subclasses say what went wrong: {@link LslTimeoutException},
 * {@link LslLostException}, {@link LslProtocolException}, {@link LslArgumentException}, {@link LslInternalException},
 * {@link LslUnavailableException} and {@link LslConfigException}. Unchecked, like the rest of the engine's errors.
 */
public class LslException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LslException(String message) {
        super(message);
    }

    public LslException(String message, Throwable cause) {
        super(message, cause);
    }
}
