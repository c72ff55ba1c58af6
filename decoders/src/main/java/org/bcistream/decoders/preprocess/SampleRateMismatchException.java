package org.bcistream.decoders.preprocess;

/**
 * A signal chunk's nominal rate differs from the rate the stage's filters or windows were designed for,
 * e.g. "chunk of session s1 has nominal rate 256.0 Hz, profile openbci-cyton runs at 250.0 Hz". Carries both
 * rates in hertz.
 */
public final class SampleRateMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final double actualHz;
    private final double expectedHz;

    /**
     * @param message the full message, with the session and both rates
     * @param actualHz the chunk's nominal rate, hertz (0 for an irregular stream)
     * @param expectedHz the stage's rate, hertz
     */
    public SampleRateMismatchException(String message, double actualHz, double expectedHz) {
        super(message);
        this.actualHz = actualHz;
        this.expectedHz = expectedHz;
    }

    /** The chunk's nominal rate, hertz. */
    public double actualHz() {
        return actualHz;
    }

    /** The stage's rate, hertz. */
    public double expectedHz() {
        return expectedHz;
    }
}
