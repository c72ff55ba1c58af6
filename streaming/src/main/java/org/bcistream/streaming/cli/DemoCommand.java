package org.bcistream.streaming.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bcistream.decoders.render.PngRenderer;
import org.bcistream.models.generator.GeneratorBundle;
import org.bcistream.models.generator.OutputClassifier;
import org.bcistream.models.generator.PretrainedBundles;
import org.bcistream.models.glyph.GlyphRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bcistream demo}: the whole chain on the embedded default with the pretrained bundles. A synthetic subject
 * imagines cued letters, then cued words; the engine decodes each trial's latents into a glyph image (PNG) or a
 * spoken word (WAV) under a latency budget, in real time unless {@code --max-speed}. At the end it reports, per
 * part, how many outputs were generated, skipped or late, the end-to-end latency percentiles, and the decoding
 * accuracy: the fraction of generated outputs that an independent classifier (glyph templates; nearest voice-bank
 * word) assigns to the cued target.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decode a synthetic subject's imagined letters and words to images and speech with the pretrained models, "
                + "and report accuracy and latency.",
                "Example: bcistream demo --max-speed --out demo-out"})
final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generation queue per subtask at --max-speed: more than the trials of a part. */
    static final int MAX_SPEED_QUEUE = 256;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "bcistream-demo",
            description = "Where the PNG/WAV files, outputs and latents go (one directory per part). Default ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--duration", paramLabel = "<duration>", defaultValue = "60s",
            description = "Recording length of each part (a trial every 6-7 s). Default ${DEFAULT-VALUE}.")
    String duration;

    @Option(names = "--max-speed", description = "Replay as fast as possible instead of in real time.")
    boolean maxSpeed;

    @Option(names = "--parts", paramLabel = "<letters,words>", split = ",", defaultValue = "letters,words",
            description = "Which parts to run: letters (images), words (speech). Default ${DEFAULT-VALUE}.")
    List<String> parts;

    @Option(names = "--run", paramLabel = "<n>", defaultValue = "3",
            description = "Which recording of the simulated subject (its trials and noise; the models were trained on another). "
                    + "Default ${DEFAULT-VALUE}.")
    long run;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path models = out.resolve("models");
        for (String name : PretrainedBundles.names()) {
            PretrainedBundles.extract(name, models);
        }
        List<String> report = new ArrayList<>();
        int right = 0;
        int generated = 0;
        for (String part : parts) {
            boolean letters = switch (part) {
                case "letters" -> true;
                case "words" -> false;
                default -> throw new IllegalArgumentException("--parts " + part + ": expected letters or words");
            };
            Path generator = models.resolve(letters ? PretrainedBundles.IMAGE : PretrainedBundles.SPEECH);
            String source = String.format(Locale.ROOT, "sim:seed=%d,run=%d,targets=%s,duration=%s,pace=%s", PretrainedBundles.SUBJECT_SEED,
                    run, part, duration, maxSpeed ? "max" : "realtime");
            err.printf("bcistream demo: %s: the subject imagines cued %s; decoding them to %s%n", part, part, letters ? "glyph images" : "spoken words");
            CommandLine cli = BciStream.commandLine();
            cli.setOut(stdout);
            cli.setErr(err);
            List<String> args = new ArrayList<>(List.of("run", "--source", source, "--ipvae", models.resolve(PretrainedBundles.IPVAE).toString(),
                    "--generator", generator.toString(), "--out", out.resolve(part).toString()));
            if (maxSpeed) {
                // trials arrive faster than real time: queue them all rather than skip (lateness is still counted)
                args.addAll(List.of("--generation-queue", String.valueOf(MAX_SPEED_QUEUE)));
            }
            int status = cli.execute(args.toArray(new String[0]));
            if (status != 0) {
                return status;
            }
            Score score = score(out.resolve(part), GeneratorBundle.read(generator), letters);
            right += score.right;
            generated += score.generated;
            report.add(score.line(part));
        }
        stdout.println();
        stdout.println("bcistream demo: decoding accuracy (generated output classified as the cued target) and end-to-end latency");
        stdout.printf(Locale.ROOT, "%-8s %8s %9s %8s %7s %8s %10s %8s %8s %8s %8s%n", "part", "outputs", "generated", "skipped", "failed",
                "late", "accuracy", "p50 ms", "p90 ms", "p99 ms", "max ms");
        report.forEach(stdout::println);
        stdout.printf(Locale.ROOT, "overall accuracy %.3f (%d of %d); files under %s%n", generated == 0 ? 0 : right / (double) generated,
                right, generated, out.toAbsolutePath());
        stdout.flush();
        return 0;
    }

    private static Score score(Path partDirectory, GeneratorBundle bundle, boolean images) throws IOException {
        OutputClassifier classifier = OutputClassifier.of(bundle);
        PngRenderer png = new PngRenderer(4);
        Score score = new Score();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(partDirectory)) {
            files = walk.filter(p -> p.getFileName().toString().equals("outputs.jsonl")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                JsonNode node = JSON.readTree(line);
                if (!"decoded".equals(node.path("type").asText())) {
                    continue;
                }
                score.outputs++;
                switch (node.path("status").asText()) {
                    case "GENERATED" -> score.generated++;
                    case "SKIPPED_QUEUE_FULL" -> score.skipped++;
                    default -> score.failed++;
                }
                if (!node.path("deadlineMet").asBoolean(true)) {
                    score.late++;
                }
                score.latencies.add(node.path("latencyMs").path("emitted").asDouble());
                if (!"GENERATED".equals(node.path("status").asText())) {
                    continue;
                }
                byte[] payload = Base64.getDecoder().decode(node.path("payload").asText());
                String shown = images ? classifier.classifyImage(png.read(payload, GlyphRenderer.SIZE, GlyphRenderer.SIZE))
                        : classifier.classifySpeech(pcm(payload));
                if (shown.equals(node.path("target").asText())) {
                    score.right++;
                }
            }
        }
        return score;
    }

    private static float[] pcm(byte[] bytes) {
        short[] codes = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(codes);
        float[] samples = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            samples[i] = codes[i] / 32768f;
        }
        return samples;
    }

    /** One part's counts. */
    private static final class Score {
        int outputs;
        int generated;
        int skipped;
        int failed;
        int late;
        int right;
        final List<Double> latencies = new ArrayList<>();

        String line(String part) {
            Collections.sort(latencies);
            return String.format(Locale.ROOT, "%-8s %8d %9d %8d %7d %8d %10s %8.1f %8.1f %8.1f %8.1f", part, outputs, generated, skipped, failed,
                    late, generated == 0 ? "-" : String.format(Locale.ROOT, "%.3f", right / (double) generated), percentile(0.5),
                    percentile(0.9), percentile(0.99), percentile(1));
        }

        private double percentile(double q) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            return latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(q * latencies.size()) - 1));
        }
    }
}
