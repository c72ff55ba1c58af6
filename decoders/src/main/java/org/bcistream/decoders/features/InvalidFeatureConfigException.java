package org.bcistream.decoders.features;

/**
 * A {@link FeatureConfig} (or a {@link FrequencyBand}) is invalid on its own or for the rate it is used at;
 * the message names the setting and the numbers.
 */
public final class InvalidFeatureConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidFeatureConfigException(String message) {
        super(message);
    }
}
