package org.bcistream.streaming.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.ipvae.IpvaeBundle;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.KlForm;
import org.bcistream.models.ipvae.train.IpvaeTrainer;
import org.bcistream.models.ipvae.train.TrainingConfig;
import org.bcistream.models.ipvae.train.TrainingResult;
import picocli.CommandLine.Option;

/**
 * The command-line options of iP-VAE training, shared by {@code train ipvae} and {@code evaluate}, and the
 * training itself: feature frames in, a bundle (not yet written) out, with a progress line.
 */
final class IpvaeTrainingOptions {
    @Option(names = "--latents", paramLabel = "<K>", defaultValue = "64", description = "Latent count K. Default ${DEFAULT-VALUE}.")
    int latents;

    @Option(names = "--beta", paramLabel = "<B>", defaultValue = "24",
            description = "KL weight; larger gives sparser spikes. Default ${DEFAULT-VALUE}.")
    double beta;

    @Option(names = "--steps", paramLabel = "<T>", defaultValue = "64",
            description = "Inference steps unrolled per training frame (T_train). A model stays stable for about this many "
                    + "updates from u_init; shorter horizons learn dynamics that diverge when run longer. Default ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--epochs", paramLabel = "<n>", defaultValue = "30", description = "Passes over the frames. Default ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "<n>", defaultValue = "100", description = "Frames per update. Default ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "<rate>", defaultValue = "0.005",
            description = "Adamax peak learning rate (cosine decay to 1e-5). Default ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--kl", paramLabel = "<form>", defaultValue = "exact",
            description = "KL in the loss: exact (the Poisson KL) or reference (the reference code's form). Default ${DEFAULT-VALUE}.")
    String kl;

    @Option(names = "--inner-steps", paramLabel = "<n>", defaultValue = "32",
            description = "Updates per frame when the model runs online (recorded in the bundle; run can override). Default ${DEFAULT-VALUE}.")
    int innerSteps;

    @Option(names = "--beta-inner", paramLabel = "<w>", defaultValue = "0",
            description = "Online leak toward the previous frame's posterior between the updates of one frame (recorded in the "
                    + "bundle; run can override). Default ${DEFAULT-VALUE}.")
    double betaInner;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1", description = "Training seed. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    /**
     * Trains on {@code frames} (the features of {@code pipeline}) and returns the bundle.
     *
     * @param command the command line, for the provenance
     * @param data what the frames came from, for messages and the provenance
     * @throws IllegalArgumentException if there are fewer frames than one batch, or an option is out of range
     */
    Trained train(double[][] frames, SessionPipelineConfig pipeline, DecodingOptions decoding, String command, String data,
            PrintWriter err, String tool) {
        if (frames.length < batchSize) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s gives %d feature frames, fewer than one batch (--batch-size %d); use a longer source or a smaller batch",
                    data, frames.length, batchSize));
        }
        TrainingConfig config = TrainingConfig.builder()
                .setLatents(latents)
                .optBeta(beta)
                .optUnrolledSteps(steps)
                .optEpochs(epochs)
                .optBatchSize(batchSize)
                .optLearningRate(learningRate, Math.min(1e-5, learningRate))
                .optKlForm(klForm(kl))
                .optProgress(Math.max(1, epochs * (frames.length / batchSize) / 100), 256)
                .optSeed(seed)
                .build();
        err.printf(Locale.ROOT, "%s: %d frames of M = %d features, K = %d latents, beta %s, T_train %d, %d epochs of %d updates, seed %d%n",
                tool, frames.length, frames[0].length, latents, format(beta), steps, epochs, frames.length / batchSize, seed);
        ConsoleProgress progress = new ConsoleProgress(err, quiet);
        TrainingResult result = new IpvaeTrainer(config).train(frames, p -> progress.show(p.toString()));
        progress.finish();
        IpvaeConfig trained = config.inferenceConfig();
        IpvaeConfig inference = new IpvaeConfig(innerSteps, betaInner, trained.clampU(), trained.clampDeltaU(), trained.beta(),
                trained.klForm());
        IpvaeBundle bundle = new IpvaeBundle(result.model(), inference, FeatureSettings.of(pipeline, decoding).toJson(pipeline),
                trainingJson(config, frames.length),
                new Provenance(seed, result.dataSha256(), command, new VersionProvider().getVersion()[0], "trained on " + data));
        return new Trained(bundle, result);
    }

    /** A trained bundle with its training history. */
    record Trained(IpvaeBundle bundle, TrainingResult result) {}

    static KlForm klForm(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "exact" -> KlForm.EXACT;
            case "reference", "reference-code", "reference_code" -> KlForm.REFERENCE_CODE;
            default -> throw new IllegalArgumentException("--kl " + text + ": use exact or reference");
        };
    }

    static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static ObjectNode trainingJson(TrainingConfig config, int frameCount) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("frames", frameCount);
        json.put("unrolledSteps", config.unrolledSteps());
        json.put("epochs", config.epochs());
        json.put("batchSize", config.batchSize());
        json.put("learningRate", config.learningRate());
        json.put("beta", config.beta());
        json.put("klForm", config.klForm().name().toLowerCase(Locale.ROOT));
        json.put("seed", config.seed());
        return json;
    }
}
