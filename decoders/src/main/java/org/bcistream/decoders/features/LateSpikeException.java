package org.bcistream.decoders.features;

/**
 * A spike arrived for a bin that {@link SpikeCountFeatures} has already emitted (spans out of order or
 * overlapping); the message names the session, the spike time and the bin already closed.
 */
public final class LateSpikeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LateSpikeException(String message) {
        super(message);
    }
}
