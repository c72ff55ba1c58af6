package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;

/**
 * The outlet at the current endpoint no longer serves the stream (404, a different uid, a redirect): the inlet
 * should recover rather than retry the same outlet.
 */
final class StreamGoneException extends IOException {
    private static final long serialVersionUID = 1L;

    StreamGoneException(String message) {
        super(message);
    }
}
