package org.bcistream.streaming.kafka;

/**
 * A Kafka record the engine cannot take: undecodable bytes, an unknown schema version, or content that breaks
 * the stream's rules. The message is the reason written to the dead-letter topic; it carries the numbers.
 */
public final class RecordRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The kind of fault, for metrics and the dead-letter header. */
    public enum Kind {
        /** Bytes that are not a bcistream input record (bad framing, truncated, malformed Avro). */
        UNDECODABLE,
        /** A schema version newer than this build reads. */
        UNKNOWN_VERSION,
        /** A chunk whose channel count does not fit the session's device profile. */
        WRONG_CHANNEL_COUNT,
        /** NaN or infinite samples or time stamps. */
        NOT_FINITE,
        /** Time stamps that go back within the record or against the session's previous record. */
        TIME_BACKWARDS,
        /** A session the job does not decode, or a key that does not name the record's session. */
        UNKNOWN_SESSION
    }

    private final Kind kind;

    public RecordRejectedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** Why the record was rejected. */
    public Kind kind() {
        return kind;
    }
}
