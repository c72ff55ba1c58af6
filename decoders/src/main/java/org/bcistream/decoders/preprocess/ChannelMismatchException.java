package org.bcistream.decoders.preprocess;

/**
 * An input record has a different number of channels (or units) than the stage was built for, e.g.
 * "chunk of session s1 has 17 channels, profile openbci-cyton expects 8". Carries both counts.
 */
public final class ChannelMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int actual;
    private final int expected;

    /**
     * @param message the full message, with the session and both counts
     * @param actual channels (or units) the record has
     * @param expected channels (or units) the stage expects
     */
    public ChannelMismatchException(String message, int actual, int expected) {
        super(message);
        this.actual = actual;
        this.expected = expected;
    }

    /** Channels (or units) the record has. */
    public int actual() {
        return actual;
    }

    /** Channels (or units) the stage expects. */
    public int expected() {
        return expected;
    }
}
