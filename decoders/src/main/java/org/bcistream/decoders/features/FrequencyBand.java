package org.bcistream.decoders.features;

import java.util.Locale;

/**
 * A named frequency band {@code [lowHz, highHz)}, half-open so adjacent bands share no FFT bin.
 *
 * @param name the band's name (e.g. {@code alpha}), non-blank
 * @param lowHz inclusive lower edge, hertz, finite and {@code >= 0}
 * @param highHz exclusive upper edge, hertz, finite and {@code > lowHz}
 */
public record FrequencyBand(String name, double lowHz, double highHz) implements java.io.Serializable {
    public FrequencyBand {
        if (name == null || name.isBlank()) {
            throw new InvalidFeatureConfigException("a frequency band needs a name");
        }
        if (!(lowHz >= 0) || !Double.isFinite(highHz) || !(lowHz < highHz)) {
            throw new InvalidFeatureConfigException(String.format(Locale.ROOT,
                    "band %s is [%s, %s) Hz; it needs finite edges with 0 <= low < high", name, lowHz, highHz));
        }
    }
}
