package org.bcistream.streaming.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.models.ipvae.train.TrainingProgress;
import org.bcistream.streaming.offline.OfflineRun;
import org.bcistream.streaming.source.SessionCursors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bcistream train}: trains the models the engine runs. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train models.",
        subcommands = {TrainCommand.Ipvae.class, GeneratorTrainingCommand.class})
final class TrainCommand {

    /**
     * {@code bcistream train ipvae}: computes the feature frames of a source with the decoding pipeline, trains an
     * iP-VAE on them (spec ipvae.md §4) and writes a model bundle that records the seed, the data fingerprint,
     * the command and the feature settings.
     */
    @Command(name = "ipvae", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train an iP-VAE on the feature frames of a source and write a model bundle.",
                    "Example: bcistream train ipvae --source sim:duration=300s --latents 64 --beta 4 --out model.zip"})
    static final class Ipvae implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--source", required = true, paramLabel = "<spec>",
                description = "sim:... or file:<recording>,... (see bcistream run --help); every session's frames are used.")
        String source;

        @Option(names = "--out", required = true, paramLabel = "<bundle>",
                description = "The bundle to write: a directory, or a zip file if the name ends with .zip.")
        Path out;

        @Mixin
        IpvaeTrainingOptions training;

        @Mixin
        DecodingOptions decoding;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            SessionCursors sessions = SessionCursors.open(source, DeviceProfiles.builtIn());
            SessionPipelineConfig pipeline = decoding.toConfig(sessions.profile(), sessions.rateHz());
            int count = sessions.cursors().size();
            err.printf("bcistream train ipvae: computing features of %s (%d session%s)%n", sessions.spec(), count, count == 1 ? "" : "s");
            double[][] frames = OfflineRun.featureMatrix(OfflineRun.outputs(sessions, pipeline));
            IpvaeTrainingOptions.Trained trained = training.train(frames, pipeline, decoding, Commands.line(spec),
                    sessions.spec(), err, "bcistream train ipvae");
            trained.bundle().write(out);
            TrainingProgress last = trained.result().history().get(trained.result().history().size() - 1);
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "wrote %s: iP-VAE M=%d K=%d, beta %s; training R2 %.3f, zero spikes %.3f; %d updates in %.1f s%n",
                    out, frames[0].length, training.latents, IpvaeTrainingOptions.format(training.beta), last.r2(),
                    last.zeroFraction(), trained.result().iterations(), trained.result().seconds());
            return 0;
        }
    }
}
