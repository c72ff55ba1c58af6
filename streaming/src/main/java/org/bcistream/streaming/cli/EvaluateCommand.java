package org.bcistream.streaming.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bcistream.decoders.latent.LatentConfig;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.readout.ShrinkageLda;
import org.bcistream.decoders.readout.Trial;
import org.bcistream.decoders.readout.TrialSet;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.models.ipvae.IpvaeBundle;
import org.bcistream.streaming.config.Durations;
import org.bcistream.streaming.offline.OfflineRun;
import org.bcistream.streaming.source.SessionCursors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bcistream evaluate}: how well trial classes can be read from the online latents. Trains an iP-VAE on
 * the training sources (or takes a bundle), runs it online over every source, averages each cued trial's
 * latent rates over a window after the cue, fits a shrinkage LDA on the training trials and reports its
 * accuracy on the test trials, next to the same readout on the band-power features.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train on some recordings, decode others online, and report the trial classification accuracy of a "
                + "linear readout of the latents (and of the features, for comparison).",
                "Example: bcistream evaluate --train file:S001R04.edf --train file:S001R08.edf --test file:S001R12.edf "
                        + "--classes T1,T2 --trial 0.5s-3.5s --band-pass 8-30 --bands mu:8-13,beta:13-30"})
final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "<source>",
            description = "A training source (file:... or sim:...); repeat for several.")
    List<String> trainSources;

    @Option(names = "--test", required = true, paramLabel = "<source>", description = "A test source; repeat for several.")
    List<String> testSources;

    @Option(names = "--classes", required = true, paramLabel = "<a,b,...>", split = ",",
            description = "The cue labels to classify, e.g. T1,T2 (PhysioNet imagery) or A,B.")
    List<String> classes;

    @Option(names = "--trial", paramLabel = "<from>-<to>", defaultValue = "0.5s-3.5s",
            description = "Trial window after each cue; frames whose whole signal window lies inside count. Default ${DEFAULT-VALUE}.")
    String trial;

    @Option(names = "--ipvae", paramLabel = "<bundle>", description = "Use this model instead of training one.")
    Path bundle;

    @Option(names = "--save-model", paramLabel = "<bundle>", description = "Also write the trained model here.")
    Path saveModel;

    @Mixin
    IpvaeTrainingOptions training;

    @Mixin
    DecodingOptions decoding;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Set<String> labels = new LinkedHashSet<>(classes);
        double[] window = window(trial);
        SessionCursors first = SessionCursors.open(trainSources.get(0), DeviceProfiles.builtIn());
        SessionPipelineConfig features = decoding.toConfig(first.profile(), first.rateHz());
        for (var cursor : first.cursors()) {
            cursor.close();
        }

        IpvaeBundle model;
        if (bundle != null) {
            model = IpvaeBundle.read(bundle);
        } else {
            List<double[]> rows = new ArrayList<>();
            for (String source : trainSources) {
                err.println("bcistream evaluate: computing features of " + source);
                rows.addAll(List.of(OfflineRun.featureMatrix(OfflineRun.outputs(open(source), features))));
            }
            model = training.train(rows.toArray(new double[0][]), features, decoding, Commands.line(spec),
                    String.join(" + ", trainSources), err, "bcistream evaluate").bundle();
            if (saveModel != null) {
                model.write(saveModel);
                err.println("bcistream evaluate: wrote " + saveModel);
            }
        }
        SessionPipelineConfig latent = features.withLatent(new LatentConfig(model.model(), model.inference(), training.seed));
        TrialSet set = new TrialSet(labels, window[0], window[1], features.features().windowSeconds());
        Trials train = trials(trainSources, latent, set, err);
        Trials test = trials(testSources, latent, set, err);

        out.printf(Locale.ROOT, "classes %s, trials %s to %s s after the cue; %d training trials, %d test trials%s%n", labels,
                IpvaeTrainingOptions.format(window[0]), IpvaeTrainingOptions.format(window[1]), train.latents.size(),
                test.latents.size(), train.empty + test.empty > 0 ? " (" + (train.empty + test.empty) + " cues without frames left out)" : "");
        out.printf(Locale.ROOT, "%-36s %10s %10s%n", "readout (shrinkage LDA)", "train acc", "test acc");
        report(out, "iP-VAE latent rates (K=" + model.model().latentCount() + ")", train.latents, test.latents);
        report(out, "band-power features (M=" + model.model().featureCount() + ")", train.features, test.features);
        out.printf(Locale.ROOT, "chance %.2f (largest class share of the test trials)%n", chance(test.latents));
        return 0;
    }

    private SessionCursors open(String source) throws IOException {
        return SessionCursors.open(source, DeviceProfiles.builtIn());
    }

    private Trials trials(List<String> sources, SessionPipelineConfig config, TrialSet set, PrintWriter err) throws IOException {
        Trials trials = new Trials();
        for (String source : sources) {
            err.println("bcistream evaluate: decoding " + source);
            for (Map.Entry<String, List<SessionOutput>> session : OfflineRun.outputs(open(source), config).entrySet()) {
                trials.add(set, session.getValue());
            }
        }
        return trials;
    }

    private static void report(PrintWriter out, String name, List<Trial> train, List<Trial> test) {
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("no trials of the given classes in the " + (train.isEmpty() ? "training" : "test")
                    + " sources; check --classes against the markers (bcistream inspect shows them)");
        }
        ShrinkageLda lda = ShrinkageLda.fit(means(train), labels(train));
        out.printf(Locale.ROOT, "%-36s %10.3f %10.3f%n", name, lda.accuracy(means(train), labels(train)),
                lda.accuracy(means(test), labels(test)));
    }

    private static double chance(List<Trial> test) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        test.forEach(t -> counts.merge(t.label(), 1L, Long::sum));
        return test.isEmpty() ? Double.NaN : counts.values().stream().mapToLong(Long::longValue).max().orElse(0) / (double) test.size();
    }

    private static List<double[]> means(List<Trial> trials) {
        return trials.stream().map(Trial::mean).toList();
    }

    private static List<String> labels(List<Trial> trials) {
        return trials.stream().map(Trial::label).toList();
    }

    private static double[] window(String text) {
        int dash = text.indexOf('-', 1);
        if (dash < 0) {
            throw new IllegalArgumentException("--trial " + text + ": give from-to after the cue, e.g. 0.5s-3.5s");
        }
        return new double[] {Durations.seconds(Durations.parse(text.substring(0, dash))),
                Durations.seconds(Durations.parse(text.substring(dash + 1)))};
    }

    /** The trials of some sessions, as latent means and as feature means. */
    private static final class Trials {
        final List<Trial> latents = new ArrayList<>();
        final List<Trial> features = new ArrayList<>();
        int empty;

        void add(TrialSet set, List<SessionOutput> session) {
            TrialSet.Cut cut = set.cut(session, TrialSet::latentRates);
            latents.addAll(cut.trials());
            empty += cut.emptyTrials();
            features.addAll(set.cut(session, TrialSet::features).trials());
        }
    }
}
