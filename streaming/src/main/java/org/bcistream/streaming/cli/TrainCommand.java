package org.bcistream.streaming.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.ipvae.IpvaeBundle;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.KlForm;
import org.bcistream.models.ipvae.train.IpvaeTrainer;
import org.bcistream.models.ipvae.train.TrainingConfig;
import org.bcistream.models.ipvae.train.TrainingProgress;
import org.bcistream.models.ipvae.train.TrainingResult;
import org.bcistream.streaming.offline.OfflineRun;
import org.bcistream.streaming.source.SessionCursors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bcistream train}: trains the models the engine runs. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train models.",
        subcommands = TrainCommand.Ipvae.class)
final class TrainCommand {

    /**
     * {@code bcistream train ipvae}: computes the feature frames of a source with the decoding pipeline, trains an
     * iP-VAE on them (spec ipvae.md §4) and writes a model bundle that records the seed, the data fingerprint,
     * the command and the feature settings.
     */
    @Command(name = "ipvae", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train an iP-VAE on the feature frames of a source and write a model bundle.",
                    "Example: bcistream train ipvae --source sim:duration=600s,sessions=4 --latents 64 --beta 4 --out model.zip"})
    static final class Ipvae implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--source", required = true, paramLabel = "<spec>",
                description = "sim:... or file:<recording>,... (see bcistream run --help); every session's frames are used.")
        String source;

        @Option(names = "--out", required = true, paramLabel = "<bundle>",
                description = "The bundle to write: a directory, or a zip file if the name ends with .zip.")
        Path out;

        @Option(names = "--latents", paramLabel = "<K>", defaultValue = "64", description = "Latent count K. Default ${DEFAULT-VALUE}.")
        int latents;

        @Option(names = "--beta", paramLabel = "<B>", defaultValue = "24",
                description = "KL weight; larger gives sparser spikes. Default ${DEFAULT-VALUE}.")
        double beta;

        @Option(names = "--steps", paramLabel = "<T>", defaultValue = "64",
                description = "Inference steps unrolled per training frame (T_train). The model is stable for about this many "
                        + "updates; keep it >= the online updates per frame times a few. Default ${DEFAULT-VALUE}.")
        int steps;

        @Option(names = "--epochs", paramLabel = "<n>", defaultValue = "30",
                description = "Passes over the frames. Default ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--batch-size", paramLabel = "<n>", defaultValue = "100", description = "Frames per update. Default ${DEFAULT-VALUE}.")
        int batchSize;

        @Option(names = "--learning-rate", paramLabel = "<rate>", defaultValue = "0.005",
                description = "Adamax peak learning rate (cosine decay to 1e-5). Default ${DEFAULT-VALUE}.")
        double learningRate;

        @Option(names = "--kl", paramLabel = "<form>", defaultValue = "exact",
                description = "KL in the loss: exact (the Poisson KL) or reference (the reference code's form). Default ${DEFAULT-VALUE}.")
        String kl;

        @Option(names = "--inner-steps", paramLabel = "<n>", defaultValue = "16",
                description = "Updates per frame when the model runs online (recorded in the bundle; run can override). "
                        + "Default ${DEFAULT-VALUE}.")
        int innerSteps;

        @Option(names = "--beta-inner", paramLabel = "<w>", defaultValue = "0",
                description = "Online leak toward the previous frame's posterior when several updates run per frame "
                        + "(recorded in the bundle; run can override). Default ${DEFAULT-VALUE}.")
        double betaInner;

        @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1", description = "Training seed. Default ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--quiet", description = "No progress line.")
        boolean quiet;

        @Mixin
        DecodingOptions decoding;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            SessionCursors sessions = SessionCursors.open(source, DeviceProfiles.builtIn());
            SessionPipelineConfig pipeline = decoding.toConfig(sessions.profile(), sessions.rateHz());
            int count = sessions.cursors().size();
            err.printf("bcistream train ipvae: computing features of %s (%d session%s)%n", sessions.spec(), count, count == 1 ? "" : "s");
            Map<String, List<SessionOutput>> outputs = OfflineRun.outputs(sessions, pipeline);
            double[][] frames = OfflineRun.featureMatrix(outputs);
            if (frames.length < batchSize) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s gives %d feature frames, fewer than one batch (--batch-size %d); use a longer source or a smaller batch",
                        source, frames.length, batchSize));
            }
            TrainingConfig config = TrainingConfig.builder()
                    .setLatents(latents)
                    .optBeta(beta)
                    .optUnrolledSteps(steps)
                    .optEpochs(epochs)
                    .optBatchSize(batchSize)
                    .optLearningRate(learningRate, Math.min(1e-5, learningRate))
                    .optKlForm(klForm(kl))
                    .optProgress(progressInterval(frames.length), 256)
                    .optSeed(seed)
                    .build();
            err.printf(Locale.ROOT, "bcistream train ipvae: %d frames of M = %d features, K = %d latents, beta %s, T_train %d, "
                    + "%d epochs of %d updates, seed %d%n", frames.length, frames[0].length, latents, fmt(beta), steps, epochs,
                    frames.length / batchSize, seed);
            ConsoleProgress progress = new ConsoleProgress(err, quiet);
            TrainingResult result = new IpvaeTrainer(config).train(frames, p -> progress.show(p.toString()));
            progress.finish();

            IpvaeConfig inference = config.inferenceConfig();
            inference = new IpvaeConfig(innerSteps, betaInner, inference.clampU(), inference.clampDeltaU(),
                    inference.beta(), inference.klForm());
            IpvaeBundle bundle = new IpvaeBundle(result.model(), inference,
                    FeatureSettings.of(pipeline, decoding).toJson(pipeline), trainingJson(config, frames.length),
                    new Provenance(seed, result.dataSha256(), "bcistream " + String.join(" ", originalArgs()),
                            new VersionProvider().getVersion()[0], "trained on " + sessions.spec()));
            bundle.write(out);
            TrainingProgress last = result.history().get(result.history().size() - 1);
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "wrote %s: iP-VAE M=%d K=%d, beta %s; training R2 %.3f, zero spikes %.3f; %d updates in %.1f s%n",
                    out, frames[0].length, latents, fmt(beta), last.r2(), last.zeroFraction(), result.iterations(),
                    result.seconds());
            return 0;
        }

        private List<String> originalArgs() {
            return spec.root().commandLine().getParseResult().originalArgs();
        }

        private int progressInterval(int frameCount) {
            int total = epochs * (frameCount / batchSize);
            return Math.max(1, total / 100);
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

    static KlForm klForm(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "exact" -> KlForm.EXACT;
            case "reference", "reference-code", "reference_code" -> KlForm.REFERENCE_CODE;
            default -> throw new IllegalArgumentException("--kl " + text + ": use exact or reference");
        };
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
