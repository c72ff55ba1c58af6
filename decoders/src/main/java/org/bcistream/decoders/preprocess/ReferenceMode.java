package org.bcistream.decoders.preprocess;

import java.util.Locale;
import java.util.Objects;

/**
 * The software re-reference a {@link Preprocessor} applies to the neural channels: per sample, subtract the
 * mean of the reference channels from every neural channel.
 *
 * <ul>
 *   <li>{@link Kind#NONE}: keep the hardware reference.
 *   <li>{@link Kind#COMMON_AVERAGE}: the reference is the mean of all neural channels (so each sample then
 *       sums to zero across channels).
 *   <li>{@link Kind#LINKED_MASTOIDS}: the mean of the two mastoid (or ear-lobe) channels, found by the first
 *       label pair the profile has among {@code M1/M2}, {@code A1/A2}, {@code TP9/TP10}.
 *   <li>{@link Kind#CHANNEL}: one named channel (that channel becomes zero).
 * </ul>
 * Reference channels stay in the output. Labels compare case-insensitively, as
 * {@link org.bcistream.hardware.DeviceProfile#indexOf(String)} does.
 *
 * @param kind the scheme
 * @param channelLabel the reference channel's label for {@link Kind#CHANNEL}, otherwise null
 */
public record ReferenceMode(Kind kind, String channelLabel) implements java.io.Serializable {
    /** Re-reference schemes. */
    public enum Kind {
        NONE,
        COMMON_AVERAGE,
        LINKED_MASTOIDS,
        CHANNEL
    }

    public ReferenceMode {
        Objects.requireNonNull(kind, "reference kind");
        if (kind == Kind.CHANNEL && (channelLabel == null || channelLabel.isBlank())) {
            throw new InvalidPreprocessConfigException("a single-channel reference needs a channel label");
        }
        if (kind != Kind.CHANNEL && channelLabel != null) {
            throw new InvalidPreprocessConfigException(String.format(Locale.ROOT,
                    "reference %s takes no channel label; got '%s'", kind, channelLabel));
        }
    }

    public static ReferenceMode none() {
        return new ReferenceMode(Kind.NONE, null);
    }

    public static ReferenceMode commonAverage() {
        return new ReferenceMode(Kind.COMMON_AVERAGE, null);
    }

    public static ReferenceMode linkedMastoids() {
        return new ReferenceMode(Kind.LINKED_MASTOIDS, null);
    }

    /** Reference to one channel, by its label in the device profile. */
    public static ReferenceMode channel(String label) {
        return new ReferenceMode(Kind.CHANNEL, label);
    }
}
