package org.bcistream.streaming.recording;

import java.io.IOException;

/**
 * A recording breaks its format: the message names the file, the byte offset (or line) and what was wrong
 * with the numbers. The only exception type the readers throw for bad content.
 */
public final class RecordingFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public RecordingFormatException(String message) {
        super(message);
    }

    public RecordingFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
