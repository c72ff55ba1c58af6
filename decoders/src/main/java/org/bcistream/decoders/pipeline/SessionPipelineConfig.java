package org.bcistream.decoders.pipeline;

import java.util.Locale;
import java.util.Objects;
import org.bcistream.decoders.features.FeatureConfig;
import org.bcistream.decoders.preprocess.PreprocessConfig;
import org.bcistream.hardware.DeviceProfile;

/**
 * What a {@link SessionPipeline} is built from: the device profile, the stream's nominal rate (hertz) and
 * the settings of its stages. Immutable.
 *
 * @param profile the device the sessions come from
 * @param rateHz the nominal sampling rate of the sessions' signal streams, hertz, finite and &gt; 0
 * @param preprocess channel map, reference and filter settings
 * @param features window, band and normalisation settings
 */
public record SessionPipelineConfig(DeviceProfile profile, double rateHz, PreprocessConfig preprocess, FeatureConfig features) implements java.io.Serializable {
    public SessionPipelineConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(preprocess, "preprocess");
        Objects.requireNonNull(features, "features");
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "rate must be finite and > 0 Hz, got %s", rateHz));
        }
    }

    /** The defaults for a profile at its default rate: {@link PreprocessConfig#defaults} and {@link FeatureConfig#defaults}. */
    public static SessionPipelineConfig defaults(DeviceProfile profile) {
        return new SessionPipelineConfig(profile, profile.defaultRateHz(), PreprocessConfig.defaults(profile), FeatureConfig.defaults());
    }
}
