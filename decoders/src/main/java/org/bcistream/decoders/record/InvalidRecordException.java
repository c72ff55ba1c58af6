package org.bcistream.decoders.record;

/** A record's factory refused its arguments; the message says which invariant failed, with the numbers. */
public final class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
