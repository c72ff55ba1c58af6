package org.bcistream.decoders.record;

/** What a {@link MarkerEvent} announces. */
public enum MarkerKind {
    /** Start of a trial; the label names the cued target (e.g. {@code A}, {@code hello}). */
    CUE,
    /** End of a trial's imagery period; the label repeats the target. */
    TRIAL_END,
    /** A numeric trigger code from hardware (BDF Status, TTL), label is the code in decimal. */
    TRIGGER,
    /** Free text (annotations, experimenter notes). */
    TEXT
}
