package org.bcistream.decoders.pipeline;

import org.bcistream.decoders.latent.LatentConfig;
import java.util.Locale;
import java.util.Objects;
import org.bcistream.decoders.features.FeatureConfig;
import org.bcistream.decoders.preprocess.PreprocessConfig;
import org.bcistream.decoders.trigger.TriggerMode;
import org.bcistream.hardware.DeviceProfile;

/**
 * What a {@link SessionPipeline} is built from: the device profile, the stream's nominal rate (hertz) and
 * the settings of its stages. Immutable.
 *
 * @param profile the device the sessions come from
 * @param rateHz the nominal sampling rate of the sessions' signal streams, hertz, finite and &gt; 0
 * @param preprocess channel map, reference and filter settings
 * @param features window, band and normalisation settings
 * @param latent the iP-VAE latent stage after the features, or null for none
 * @param trigger when the latents condition a generation, or null for never; needs a latent stage
 */
public record SessionPipelineConfig(
        DeviceProfile profile, double rateHz, PreprocessConfig preprocess, FeatureConfig features, LatentConfig latent,
        TriggerMode trigger) implements java.io.Serializable {
    public SessionPipelineConfig {
        Objects.requireNonNull(profile, "profile");
        if (trigger != null && latent == null) {
            throw new IllegalArgumentException("a generation trigger needs the latent stage (an iP-VAE model)");
        }
        Objects.requireNonNull(preprocess, "preprocess");
        Objects.requireNonNull(features, "features");
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "rate must be finite and > 0 Hz, got %s", rateHz));
        }
    }

    /** A pipeline as far as features, without the latent stage. */
    public SessionPipelineConfig(DeviceProfile profile, double rateHz, PreprocessConfig preprocess, FeatureConfig features) {
        this(profile, rateHz, preprocess, features, null, null);
    }

    /** This configuration with the given latent stage (null for none, which also removes the trigger). */
    public SessionPipelineConfig withLatent(LatentConfig stage) {
        return new SessionPipelineConfig(profile, rateHz, preprocess, features, stage, stage == null ? null : trigger);
    }

    /** This configuration with the given generation trigger (null for none). */
    public SessionPipelineConfig withTrigger(TriggerMode mode) {
        return new SessionPipelineConfig(profile, rateHz, preprocess, features, latent, mode);
    }

    /** The defaults for a profile at its default rate: {@link PreprocessConfig#defaults} and {@link FeatureConfig#defaults}. */
    public static SessionPipelineConfig defaults(DeviceProfile profile) {
        return new SessionPipelineConfig(profile, profile.defaultRateHz(), PreprocessConfig.defaults(profile), FeatureConfig.defaults());
    }
}
