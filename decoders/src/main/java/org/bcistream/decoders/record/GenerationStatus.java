package org.bcistream.decoders.record;

/** What happened to a generation request. */
public enum GenerationStatus {
    /** The generator produced the output (within its deadline or not: see {@link DecodedOutput#deadlineMet()}). */
    GENERATED,
    /**
     * The generation queue was full when the request arrived, so it was not generated (the overflow policy:
     * refuse the newest request, never stall acquisition); the output carries no payload and counts as a
     * missed deadline.
     */
    SKIPPED_QUEUE_FULL,
    /** The generator failed on this request; the output carries no payload and counts as a missed deadline. */
    FAILED
}
