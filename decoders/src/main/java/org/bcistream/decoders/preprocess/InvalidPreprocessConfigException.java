package org.bcistream.decoders.preprocess;

/**
 * A {@link PreprocessConfig} is invalid on its own or for the device profile and rate it is used with; the
 * message names the setting and the numbers (e.g. the band edge and the Nyquist frequency).
 */
public final class InvalidPreprocessConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidPreprocessConfigException(String message) {
        super(message);
    }
}
