package org.bcistream.streaming.lsl;

/**
 * The requested implementation cannot run here: the native liblsl was demanded but could not be loaded. The
 * message names every place that was searched and how to point the engine at the library.
 */
public final class LslUnavailableException extends LslException {
    private static final long serialVersionUID = 1L;

    public LslUnavailableException(String message) {
        super(message);
    }

    public LslUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
