package org.bcistream.streaming.lsl;

/** liblsl reported an unexpected internal failure ({@code lsl_internal_error}, -4, or an unknown code). */
public final class LslInternalException extends LslException {
    private static final long serialVersionUID = 1L;

    public LslInternalException(String message) {
        super(message);
    }
}
