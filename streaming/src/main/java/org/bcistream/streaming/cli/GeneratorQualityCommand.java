package org.bcistream.streaming.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.bcistream.models.generator.Generator;
import org.bcistream.models.generator.GeneratorBundle;
import org.bcistream.models.generator.GeneratorQuality;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bcistream evaluate-generator}: the quality-vs-steps table of a generator on the cued trials of a recording
 * it was not trained on (conditions computed with the iP-VAE as a run computes them).
 */
@Command(name = "evaluate-generator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate every cued trial of a held-out recording at several step counts and report the quality "
                + "(images: glyph classifier accuracy, SSIM; speech: log-mel L1, MCD, pair test) as a Markdown table.",
                "Example: bcistream evaluate-generator --generator image.zip --ipvae ipvae.zip --test sim:duration=300s,seed=5,run=2"})
final class GeneratorQualityCommand implements Callable<Integer> {
    private static final String NAME = "bcistream evaluate-generator";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--generator", required = true, paramLabel = "<bundle>", description = "The generator bundle.")
    Path bundlePath;

    @Option(names = "--test", required = true, paramLabel = "<source>", description = "A recording with cued trials of the generator's labels.")
    String test;

    @Option(names = "--steps", paramLabel = "<n,...>", split = ",", defaultValue = "1,2,4,8,16,50",
            description = "Step counts to measure. Default ${DEFAULT-VALUE}.")
    List<Integer> steps;

    @Option(names = "--sample-seed", paramLabel = "<n>", defaultValue = "1",
            description = "Noise seed of trial 0 (trial i uses seed + i). Default ${DEFAULT-VALUE}.")
    long sampleSeed;

    @Mixin
    LatentOptions latent;

    @Mixin
    DecodingOptions decoding;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (latent.bundle == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ipvae is required: the iP-VAE the generator was trained with");
        }
        GeneratorBundle bundle = GeneratorBundle.read(bundlePath);
        double settle = bundle.conditioning().path("settleSeconds").asDouble(0.5);
        TrialConditions all = TrialConditions.of(test, latent, decoding, settle, err, NAME);
        List<float[]> conditions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        for (int i = 0; i < all.labels().size(); i++) {
            if (bundle.labels().contains(all.labels().get(i))) {
                conditions.add(all.conditions().get(i));
                labels.add(all.labels().get(i));
            } else {
                unknown.add(all.labels().get(i));
            }
        }
        if (!unknown.isEmpty()) {
            err.printf(Locale.ROOT, "%s: %d trials of targets the generator was not trained on left out: %s%n", NAME,
                    all.labels().size() - labels.size(), unknown);
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(test + " has no trials of the generator's labels " + bundle.labels());
        }
        TrialConditions trials = new TrialConditions(conditions, labels);
        int maxSteps = steps.stream().mapToInt(Integer::intValue).max().orElse(1);
        Generator generator = Generator.of(bundle, maxSteps);
        out.printf(Locale.ROOT, "%s on %d trials of %s (settle %s)%n", bundlePath, trials.labels().size(), test,
                settle + " s");
        out.println(GeneratorQuality.Row.header(bundle.kind()));
        for (int s : steps) {
            out.println(GeneratorQuality.measure(generator, trials.conditions(), trials.labels(), s, sampleSeed).markdown(bundle.kind()));
            out.flush();
        }
        return 0;
    }
}
