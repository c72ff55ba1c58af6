package org.bcistream.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bcistream.models.audio.AudioClip;
import org.bcistream.models.audio.Wav;
import org.bcistream.models.generator.GeneratorBundle;
import org.bcistream.models.generator.GeneratorKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train generator}, {@code generate}, {@code evaluate-generator} and {@code run --generator} on tiny models. */
class GeneratorCommandsTest {
    @TempDir
    static Path dir;

    private static Path ipvae;
    private static Path image;

    @BeforeAll
    static void trainModels() {
        ipvae = dir.resolve("ipvae.zip");
        CliRun latent = CliRun.of("train", "ipvae", "--source", "sim:duration=60s", "--latents", "8", "--beta", "4", "--steps", "4",
                "--epochs", "2", "--batch-size", "20", "--quiet", "--out", ipvae.toString());
        assertEquals(0, latent.exit(), latent.err());
        image = dir.resolve("image.zip");
        CliRun train = CliRun.of("train", "generator", "--kind", "image", "--source", "sim:duration=60s", "--ipvae", ipvae.toString(),
                "--channels", "8,16", "--iterations", "3", "--batch-size", "2", "--quiet", "--out", image.toString());
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().startsWith("wrote " + image + ": image generator of ["), train.out());
        assertTrue(train.err().contains("condition 8 latent rates -> "), train.err());
    }

    @Test
    void theBundleRecordsItsConditioningAndCommand() throws IOException {
        GeneratorBundle bundle = GeneratorBundle.read(image);
        assertEquals(GeneratorKind.IMAGE, bundle.kind());
        assertEquals(8, bundle.conditionSize());
        assertEquals(bundle.labels().size(), bundle.design().conditionSize(), "the LDA map gives one score per cued letter");
        assertTrue(bundle.labels().stream().allMatch(l -> l.length() == 1 && "ABCDEFGHIJ".contains(l)), bundle.labels().toString());
        assertEquals(0.5, bundle.conditioning().get("settleSeconds").asDouble());
        assertEquals("lda", bundle.conditioning().get("conditionMap").asText());
        assertTrue(bundle.provenance().command().startsWith("bcistream train generator --kind image"), bundle.provenance().command());
        assertEquals(64, bundle.provenance().dataFingerprint().length());
        assertEquals(3, bundle.training().get("steps").asInt());
    }

    @Test
    void generateWritesAPngOfTheGlyphSizeAndRefusesTheWrongFormat() throws IOException {
        String label = GeneratorBundle.read(image).labels().get(0);
        Path png = dir.resolve("glyph.png");
        CliRun run = CliRun.of("generate", "--generator", image.toString(), "--label", label, "--steps", "2", "--out", png.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("wrote " + png + ": 2 steps"), run.out());
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(128, read.getWidth());
        assertEquals(128, read.getHeight());

        CliRun wav = CliRun.of("generate", "--generator", image.toString(), "--label", label, "--out", dir.resolve("x.wav").toString());
        assertEquals(2, wav.exit());
        assertTrue(wav.err().contains("writes .png files"), wav.err());
        CliRun unknown = CliRun.of("generate", "--generator", image.toString(), "--label", "yes", "--out", png.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("knows no label 'yes'"), unknown.err());
        CliRun shortCondition = CliRun.of("generate", "--generator", image.toString(), "--condition", "1,2,3", "--out", png.toString());
        assertEquals(2, shortCondition.exit());
        assertTrue(shortCondition.err().contains("conditions of 8 latent rates; got 3"), shortCondition.err());
    }

    @Test
    void evaluateGeneratorPrintsAQualityRowPerStepCount() {
        CliRun run = CliRun.of("evaluate-generator", "--generator", image.toString(), "--ipvae", ipvae.toString(), "--test",
                "sim:duration=60s,run=2", "--steps", "1,2");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals("| steps | trials | glyph accuracy | SSIM | ms/output |", lines.get(1));
        assertTrue(lines.get(3).startsWith("| 1 | "), lines.toString());
        assertTrue(lines.get(4).startsWith("| 2 | "), lines.toString());
    }

    @Test
    void runWithAGeneratorWritesAnImagePerCuedTrial() throws IOException {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("run", "--source", "sim:duration=30s", "--ipvae", ipvae.toString(), "--generator", image.toString(),
                "--steps", "1", "--quiet", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("generations"), run.out());
        List<Path> pngs;
        try (Stream<Path> files = Files.walk(out)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).toList();
        }
        String outputs = Files.readString(out.resolve("sim-1").resolve("outputs.jsonl"));
        long decoded = outputs.lines().filter(l -> l.contains("\"type\":\"decoded\"")).count();
        assertTrue(decoded >= 3, "a 30 s recording has several cued trials: " + decoded);
        assertEquals(decoded, pngs.size(), "one PNG per generated output: " + pngs);
        assertTrue(pngs.get(0).getFileName().toString().matches("\\d+-[A-J]\\.png"), pngs.toString());

        CliRun noLatents = CliRun.of("run", "--source", "sim:duration=5s", "--generator", image.toString(), "--quiet");
        assertEquals(2, noLatents.exit());
        assertTrue(noLatents.err().contains("--generator needs --ipvae"), noLatents.err());
    }

    @Test
    void aSpeechGeneratorWritesA16kHzWav() throws IOException {
        Path speech = dir.resolve("speech.zip");
        CliRun train = CliRun.of("train", "generator", "--kind", "speech", "--source", "sim:duration=60s,targets=words", "--ipvae",
                ipvae.toString(), "--channels", "8", "--blocks", "1", "--iterations", "2", "--batch-size", "2", "--quiet", "--out",
                speech.toString());
        assertEquals(0, train.exit(), train.err());
        GeneratorBundle bundle = GeneratorBundle.read(speech);
        assertEquals(GeneratorKind.SPEECH, bundle.kind());
        Path wav = dir.resolve("word.wav");
        CliRun run = CliRun.of("generate", "--generator", speech.toString(), "--label", bundle.labels().get(0), "--steps", "1",
                "--griffin-lim-iterations", "2", "--out", wav.toString());
        assertEquals(0, run.exit(), run.err());
        AudioClip clip = Wav.read(wav);
        assertEquals(16_000, clip.sampleRate());
        assertTrue(clip.durationSeconds() > 0.3, "a word of several 80 ms chunks: " + clip.durationSeconds() + " s");

        CliRun letters = CliRun.of("train", "generator", "--kind", "image", "--source", "sim:duration=60s,targets=words", "--ipvae",
                ipvae.toString(), "--iterations", "1", "--quiet", "--out", dir.resolve("bad.zip").toString());
        assertEquals(2, letters.exit());
        assertTrue(letters.err().contains("is not one of them"), letters.err());
    }
}
