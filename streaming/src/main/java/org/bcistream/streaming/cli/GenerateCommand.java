package org.bcistream.streaming.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bcistream.decoders.render.PngRenderer;
import org.bcistream.models.audio.AudioClip;
import org.bcistream.models.audio.GriffinLim;
import org.bcistream.models.audio.Wav;
import org.bcistream.models.generator.Generator;
import org.bcistream.models.generator.GeneratorBundle;
import org.bcistream.models.generator.GeneratorKind;
import org.bcistream.models.glyph.GlyphRenderer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bcistream generate}: one output of a generator bundle, for a label (its mean training condition) or an
 * explicit condition vector, written as PNG (images) or 16 kHz WAV (speech, Griffin-Lim vocoder).
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate one image or word with a generator bundle and write it as PNG or WAV.",
                "Example: bcistream generate --generator models/pretrained/generator-image.zip --label C --steps 4 --out c.png"})
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--generator", required = true, paramLabel = "<bundle>", description = "A generator bundle (from bcistream train generator).")
    Path bundlePath;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Condition condition;

    @Option(names = "--steps", paramLabel = "<n>", description = "DDIM steps. Default: the bundle's.")
    Integer steps;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1", description = "Noise seed. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "Where to write: file.png for images, file.wav for speech.")
    Path out;

    @Option(names = "--scale", paramLabel = "<n>", defaultValue = "4", description = "Images: pixels per generated pixel in the PNG. Default ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--griffin-lim-iterations", paramLabel = "<n>", defaultValue = "32",
            description = "Speech: vocoder iterations. Default ${DEFAULT-VALUE}.")
    int griffinLimIterations;

    /** What to condition on. */
    static final class Condition {
        @Option(names = "--label", paramLabel = "<label>", description = "A trained label (e.g. C or yes): its mean training condition.")
        String label;

        @Option(names = "--condition", paramLabel = "<v,...>", split = ",",
                description = "A raw condition: one mean latent rate per iP-VAE latent.")
        List<Float> values;
    }

    @Override
    public Integer call() throws IOException {
        GeneratorBundle bundle = GeneratorBundle.read(bundlePath);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String expected = bundle.kind() == GeneratorKind.IMAGE ? ".png" : ".wav";
        if (!name.endsWith(expected)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out " + out + ": a " + bundle.kind().bundleKind() + " bundle writes " + expected + " files");
        }
        float[] raw;
        if (condition.label != null) {
            raw = bundle.labelCondition(condition.label);
        } else {
            raw = new float[condition.values.size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = condition.values.get(i);
            }
        }
        int stepCount = steps != null ? steps : bundle.sampler().steps();
        Generator.Output output = Generator.of(bundle, stepCount).generate(raw, stepCount, seed);
        if (bundle.kind() == GeneratorKind.IMAGE) {
            new PngRenderer(scale).write(output.values(), GlyphRenderer.SIZE, GlyphRenderer.SIZE, out);
        } else {
            float[] audio = GriffinLim.builder(bundle.mel()).optIterations(griffinLimIterations).build()
                    .synthesize(output.logMel(bundle.mel().nMels()));
            Wav.write(AudioClip.of(bundle.mel().sampleRate(), audio), out);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d steps, %.1f ms%n", out, output.steps(), output.nanos() / 1e6);
        return 0;
    }
}
