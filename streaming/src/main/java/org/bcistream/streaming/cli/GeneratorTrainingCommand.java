package org.bcistream.streaming.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bcistream.decoders.readout.ShrinkageLda;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.diffusion.ClassifierFreeGuidance;
import org.bcistream.models.diffusion.train.TrainerConfig;
import org.bcistream.models.generator.ConditionTransform;
import org.bcistream.models.generator.GeneratorKind;
import org.bcistream.models.generator.GeneratorTrainer;
import org.bcistream.models.generator.SamplerSettings;
import org.bcistream.models.generator.ScheduleSettings;
import org.bcistream.models.ipvae.IpvaeBundle;
import org.bcistream.models.ipvae.train.DataFingerprint;
import org.bcistream.streaming.config.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bcistream train generator}: decodes a recording's cued trials with an iP-VAE (the per-cue trigger's
 * conditions, as a run computes them), maps them to the network's condition (a shrinkage-LDA score map of the
 * latents, standardised, or plain standardisation), trains a conditional DDIM generator of the cued targets'
 * glyphs or spoken words, and writes its bundle.
 */
@Command(name = "generator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a conditional DDIM generator (glyph images or spoken words) on the iP-VAE latents of a recording's cued trials.",
                "Example: bcistream train generator --kind image --source sim:duration=900s,seed=5 --ipvae ipvae.zip --out image.zip"})
final class GeneratorTrainingCommand implements Callable<Integer> {
    private static final String NAME = "bcistream train generator";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "<image|speech>", description = "What to generate: image (glyphs) or speech (words).")
    String kind;

    @Option(names = "--source", required = true, paramLabel = "<spec>",
            description = "Recording with cued trials: sim:... (targets=letters for images, targets=words or letters for speech) or file:....")
    String source;

    @Option(names = "--out", required = true, paramLabel = "<bundle>", description = "The bundle to write (a directory, or a .zip file).")
    Path out;

    @Option(names = "--settle", paramLabel = "<duration>", defaultValue = "0.5s",
            description = "Time after each cue left out of the trial's mean latents (per-cue trigger). Default ${DEFAULT-VALUE}.")
    String settle;

    @Option(names = "--condition-map", paramLabel = "<lda|standardise>", defaultValue = "lda",
            description = "Condition given to the network: lda = the shrinkage-LDA class scores of the latents, standardised; "
                    + "standardise = every latent rate standardised. Default ${DEFAULT-VALUE}.")
    String conditionMap;

    @Option(names = "--channels", paramLabel = "<c,...>", split = ",",
            description = "Image: channels per U-Net level (default 16,32,64). Speech: hidden channels (default 128).")
    List<Integer> channels;

    @Option(names = "--blocks", paramLabel = "<n>", description = "Image: residual blocks per level (default 1). Speech: residual blocks (default 4).")
    Integer blocks;

    @Option(names = "--chunk-frames", paramLabel = "<n>", defaultValue = "5",
            description = "Speech: mel frames per chunk (5 frames = 80 ms at the 16 ms hop). Default ${DEFAULT-VALUE}.")
    int chunkFrames;

    @Option(names = "--context-frames", paramLabel = "<n>", defaultValue = "4",
            description = "Speech: frames of the previous chunk given as context. Default ${DEFAULT-VALUE}.")
    int contextFrames;

    @Option(names = "--iterations", paramLabel = "<n>", defaultValue = "3000", description = "Optimiser steps. Default ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--batch-size", paramLabel = "<n>", defaultValue = "16", description = "Samples per optimiser step. Default ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "<lr>", defaultValue = "1e-3", description = "Adam step size. Default ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--ema-decay", paramLabel = "<d>", defaultValue = "0.995", description = "Weight EMA decay. Default ${DEFAULT-VALUE}.")
    double emaDecay;

    @Option(names = "--condition-dropout", paramLabel = "<p>", defaultValue = "0.1",
            description = "Probability of training on the null condition (for guidance). Default ${DEFAULT-VALUE}.")
    double conditionDropout;

    @Option(names = "--default-steps", paramLabel = "<n>", defaultValue = "4",
            description = "DDIM steps the bundle uses when none are asked for, and the most a budgeted run uses. Default ${DEFAULT-VALUE}.")
    int defaultSteps;

    @Option(names = "--guidance", paramLabel = "<scale>", defaultValue = "1",
            description = "Classifier-free guidance scale recorded as the default (1 = none, one network call per step). Default ${DEFAULT-VALUE}.")
    double guidance;

    @Option(names = "--train-seed", paramLabel = "<n>", defaultValue = "1",
            description = "Seed of the network's initialisation and of every training draw. Default ${DEFAULT-VALUE}.")
    long trainSeed;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Mixin
    LatentOptions latent;

    @Mixin
    DecodingOptions decoding;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (latent.bundle == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ipvae is required: the generator is conditioned on its latents");
        }
        GeneratorKind generatorKind = GeneratorKind.parse(kind);
        double settleSeconds = Durations.seconds(Durations.parse(settle));
        TrialConditions trials = TrialConditions.of(source, latent, decoding, settleSeconds, err, NAME);
        ConditionTransform transform = conditionTransform(trials);
        err.printf(Locale.ROOT, "%s: %d trials of %s; condition %d latent rates -> %d values (%s)%n", NAME, trials.labels().size(),
                trials.labels().stream().distinct().sorted().toList(), transform.inputSize(), transform.outputSize(), conditionMap);

        boolean image = generatorKind == GeneratorKind.IMAGE;
        GeneratorTrainer.Settings settings = new GeneratorTrainer.Settings(generatorKind,
                channels != null ? channels : image ? List.of(16, 32, 64) : List.of(128), blocks != null ? blocks : image ? 1 : 4,
                chunkFrames, contextFrames,
                TrainerConfig.builder().setSteps(iterations).setSeed(trainSeed).optBatchSize(batchSize).optLearningRate(learningRate)
                        .optEmaDecay(emaDecay).optConditionDropout(conditionDropout).optProgressInterval(10).build(),
                ScheduleSettings.defaults(), SamplerSettings.deterministic(defaultSteps).withGuidance(new ClassifierFreeGuidance(guidance, 0)));
        IpvaeBundle ipvae = IpvaeBundle.read(latent.bundle);
        ObjectNode conditioning = JsonNodeFactory.instance.objectNode();
        conditioning.put("trigger", "per-cue");
        conditioning.put("settleSeconds", settleSeconds);
        conditioning.put("conditionMap", conditionMap);
        conditioning.put("latents", ipvae.model().latentCount());
        conditioning.put("ipvaeDataFingerprint", ipvae.provenance().dataFingerprint());
        conditioning.put("latentSeed", latent.seed);
        conditioning.put("source", source);
        Provenance provenance = Provenance.of(trainSeed, fingerprint(trials), Commands.line(spec), NAME);

        ConsoleProgress progress = new ConsoleProgress(err, quiet);
        GeneratorTrainer.Trained trained = GeneratorTrainer.train(settings, trials.conditions(), trials.labels(), transform, conditioning,
                provenance, p -> progress.show(p.toString()));
        progress.finish();
        trained.bundle().write(out);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s generator of %s, %d parameters, %d training pairs, final loss %.4f%n",
                out, generatorKind.name().toLowerCase(Locale.ROOT), trained.bundle().labels(),
                trained.bundle().weights().values().stream().mapToLong(w -> w.length).sum(), trained.pairs(), trained.result().finalLoss());
        return 0;
    }

    private ConditionTransform conditionTransform(TrialConditions trials) {
        switch (conditionMap) {
            case "standardise":
                return ConditionTransform.standardising(trials.conditions());
            case "lda":
                List<double[]> x = new ArrayList<>();
                for (float[] c : trials.conditions()) {
                    double[] row = new double[c.length];
                    for (int i = 0; i < c.length; i++) {
                        row[i] = c[i];
                    }
                    x.add(row);
                }
                if (trials.labels().stream().distinct().count() < 2) {
                    throw new IllegalArgumentException("--condition-map lda needs trials of at least two targets; use standardise");
                }
                ShrinkageLda lda = ShrinkageLda.fit(x, trials.labels());
                return ConditionTransform.of(lda.scoreMatrix(), lda.scoreOffsets()).standardisedOver(trials.conditions());
            default:
                throw new IllegalArgumentException("--condition-map " + conditionMap + ": expected lda or standardise");
        }
    }

    private static String fingerprint(TrialConditions trials) {
        List<String> labels = trials.labels().stream().distinct().sorted().toList();
        double[][] rows = new double[trials.conditions().size()][];
        for (int i = 0; i < rows.length; i++) {
            float[] c = trials.conditions().get(i);
            rows[i] = new double[c.length + 1];
            for (int j = 0; j < c.length; j++) {
                rows[i][j] = c[j];
            }
            rows[i][c.length] = labels.indexOf(trials.labels().get(i));
        }
        return DataFingerprint.sha256(rows);
    }
}
