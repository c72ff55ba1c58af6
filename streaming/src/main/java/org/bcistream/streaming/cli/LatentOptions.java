package org.bcistream.streaming.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.bcistream.decoders.latent.LatentConfig;
import org.bcistream.decoders.pipeline.SessionPipeline;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.models.ipvae.IpvaeBundle;
import org.bcistream.models.ipvae.IpvaeConfig;
import picocli.CommandLine.Option;

/**
 * The command-line options of the iP-VAE latent stage: the model bundle, the sampling seed and the updates
 * per frame. A bundle that records its feature settings supplies the decoding options not given on the
 * command line, so a run computes the features the model was trained on.
 */
final class LatentOptions {
    @Option(names = "--ipvae", paramLabel = "<bundle>",
            description = "Run the online iP-VAE on every feature frame with this model bundle (from bcistream train ipvae): "
                    + "latent frames in the outputs, mean R2 and zero spikes per session in the summary.")
    Path bundle;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1",
            description = "Seed of the latent stage's spike sampling; each session derives its own from it. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--inner-steps", paramLabel = "<n>", description = "iP-VAE updates per feature frame. Default: the bundle's.")
    Integer innerSteps;

    @Option(names = "--beta-inner", paramLabel = "<w>",
            description = "Leak toward the previous frame's posterior between the updates of one frame. Default: the bundle's.")
    Double betaInner;

    /**
     * The pipeline for a profile's streams at {@code rateHz}, with the latent stage if a bundle was given.
     *
     * @throws IllegalArgumentException if the model's feature count does not match the pipeline's, with both numbers
     * @throws org.bcistream.models.bundle.BundleFormatException if the bundle is malformed or not an iP-VAE
     */
    SessionPipelineConfig toConfig(DecodingOptions decoding, DeviceProfile profile, double rateHz, PrintWriter err, String command)
            throws IOException {
        if (bundle == null) {
            return decoding.toConfig(profile, rateHz);
        }
        IpvaeBundle model = IpvaeBundle.read(bundle);
        FeatureSettings trained = FeatureSettings.fromJson(model.featureSettings());
        if (trained != null) {
            Map<String, String> taken = decoding.defaultTo(trained.options());
            if (!taken.isEmpty()) {
                err.println(command + ": feature options from the model: " + taken);
            }
            if (!trained.profileId().equals(profile.id())) {
                err.println(command + ": note: the model was trained on " + trained.profileId() + " data; this source is "
                        + profile.id());
            }
        }
        IpvaeConfig inference = model.inference();
        if (innerSteps != null || betaInner != null) {
            inference = new IpvaeConfig(innerSteps != null ? innerSteps : inference.innerSteps(),
                    betaInner != null ? betaInner : inference.betaInner(), inference.clampU(), inference.clampDeltaU(),
                    inference.beta(), inference.klForm());
        }
        SessionPipelineConfig config = decoding.toConfig(profile, rateHz).withLatent(new LatentConfig(model.model(), inference, seed));
        new SessionPipeline(config, System::nanoTime);
        return config;
    }
}
