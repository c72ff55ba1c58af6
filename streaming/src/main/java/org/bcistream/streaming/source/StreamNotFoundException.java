package org.bcistream.streaming.source;

import java.io.IOException;

/** No live stream answered a source's query in time; the message names the query and the wait. */
public final class StreamNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    public StreamNotFoundException(String message) {
        super(message);
    }
}
