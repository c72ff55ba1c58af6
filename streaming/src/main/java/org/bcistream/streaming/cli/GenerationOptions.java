package org.bcistream.streaming.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.bcistream.decoders.generate.BundleGenerators;
import org.bcistream.decoders.trigger.TriggerMode;
import org.bcistream.models.generator.GeneratorBundle;
import org.bcistream.models.generator.GeneratorKind;
import org.bcistream.streaming.config.Durations;
import org.bcistream.streaming.job.GenerationFunction;
import org.bcistream.streaming.job.GenerationSettings;
import picocli.CommandLine.Option;

/**
 * The command-line options of generation in a run: the generator bundle, the trigger, the latency budget or a
 * fixed step count, and the generation operator's shape.
 */
final class GenerationOptions {
    @Option(names = "--generator", paramLabel = "<bundle>",
            description = "Generate images or speech with this generator bundle (from bcistream train generator); needs --ipvae.")
    Path bundle;

    @Option(names = "--trigger", paramLabel = "<mode>",
            description = {"When to generate: per-cue[:<settle>] (one output per cued trial, mean latents after the settle time), "
                    + "cadence:<every>/<window> (every N latent frames over the last W), confidence:<change>/<frames> "
                    + "(once the free energy has settled). Default: per-cue with the settle time the generator was trained with."})
    String trigger;

    @Option(names = "--budget", paramLabel = "<duration>",
            description = "Latency budget per output, from the ingest of the trial's last input to emission. Default 250ms for images, "
                    + "1s for speech (a whole word).")
    String budget;

    @Option(names = "--steps", paramLabel = "<n>",
            description = "Fixed DDIM steps for every output instead of fitting the budget: outputs then depend on the input and "
                    + "seed only (misses are still counted).")
    Integer steps;

    @Option(names = "--max-steps", paramLabel = "<n>",
            description = "The largest step count the budgeted sampler may choose (ladder 1, 2, 4, ...). Default: the bundle's "
                    + "default steps (the count its quality was measured at).")
    Integer maxSteps;

    @Option(names = "--generation-seed", paramLabel = "<n>", defaultValue = "1",
            description = "Base noise seed; each output's seed derives from it, its session and its index. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--generation-parallelism", paramLabel = "<n>", defaultValue = "1",
            description = "Subtasks of the generation operator. Default ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(names = "--generation-workers", paramLabel = "<n>", defaultValue = "1",
            description = "Generator threads per generation subtask. Default ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--generation-queue", paramLabel = "<n>", defaultValue = "4",
            description = "Requests queued or running per generation subtask; a request that finds it full is answered "
                    + "SKIPPED_QUEUE_FULL at once. Default ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--griffin-lim-iterations", paramLabel = "<n>", defaultValue = "32",
            description = "Speech: vocoder iterations per word. Default ${DEFAULT-VALUE}.")
    int vocoderIterations;

    @Option(names = "--png-scale", paramLabel = "<n>", defaultValue = "4",
            description = "Images: PNG pixels per generated pixel. Default ${DEFAULT-VALUE}.")
    int pngScale;

    /** Whether generation was asked for. */
    boolean enabled() {
        return bundle != null;
    }

    /** The generator bundle (read and validated). */
    GeneratorBundle readBundle() throws IOException {
        return GeneratorBundle.read(bundle);
    }

    /** The trigger: as given, or per-cue with the bundle's settle time. */
    TriggerMode triggerMode(GeneratorBundle generator) {
        if (trigger == null) {
            return new TriggerMode.PerCue(generator.conditioning().path("settleSeconds").asDouble(0.5));
        }
        return parseTrigger(trigger);
    }

    /** The generation operator's settings. */
    GenerationSettings settings(GeneratorBundle generator) {
        Duration perOutput = budget != null ? Durations.parse(budget)
                : generator.kind() == GeneratorKind.IMAGE ? Duration.ofMillis(250) : Duration.ofSeconds(1);
        BundleGenerators factory = new BundleGenerators(bundle.toAbsolutePath().toString(), seed, steps,
                maxSteps != null ? maxSteps : generator.sampler().steps(), pngScale,
                vocoderIterations);
        return new GenerationSettings(factory, BundleGenerators.kindOf(generator), perOutput, parallelism, workers, queue,
                GenerationFunction.NanoClock.system());
    }

    /**
     * Parses {@code per-cue[:<settle>]}, {@code cadence:<every>/<window>} or {@code confidence:<change>/<frames>}.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    static TriggerMode parseTrigger(String text) {
        String[] parts = text.split(":", 2);
        try {
            switch (parts[0].toLowerCase(Locale.ROOT)) {
                case "per-cue":
                    return new TriggerMode.PerCue(parts.length == 1 ? 0.5 : Durations.seconds(Durations.parse(parts[1])));
                case "cadence": {
                    String[] values = parts[1].split("/");
                    return new TriggerMode.Cadence(Integer.parseInt(values[0]), Integer.parseInt(values[1]));
                }
                case "confidence": {
                    String[] values = parts[1].split("/");
                    return new TriggerMode.Confidence(Double.parseDouble(values[0]), Integer.parseInt(values[1]));
                }
                default:
                    break;
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--trigger " + text + ": " + e.getMessage()
                    + "; expected per-cue[:<settle>], cadence:<every>/<window> or confidence:<change>/<frames>", e);
        }
        throw new IllegalArgumentException("--trigger " + text
                + ": expected per-cue[:<settle>], cadence:<every>/<window> or confidence:<change>/<frames>");
    }
}
