package org.bcistream.models.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bcistream.models.audio.MelConfig;
import org.bcistream.models.bundle.BundleFormatException;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.diffusion.train.TrainerConfig;
import org.bcistream.models.diffusion.train.TrainingListener;
import org.bcistream.models.glyph.GlyphRenderer;
import org.bcistream.models.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    private static final int LATENTS = 6;

    @TempDir
    Path dir;

    static GeneratorBundle tinyImage() throws IOException {
        return train(GeneratorKind.IMAGE, List.of(8, 16), List.of("A", "B"));
    }

    static GeneratorBundle tinySpeech() throws IOException {
        return train(GeneratorKind.SPEECH, List.of(8), List.of("yes", "no"));
    }

    private static GeneratorBundle train(GeneratorKind kind, List<Integer> channels, List<String> classes) throws IOException {
        SplitMix64 rng = SplitMix64.of(11);
        List<float[]> conditions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            float[] c = new float[LATENTS];
            for (int k = 0; k < LATENTS; k++) {
                c[k] = (float) (rng.nextDouble() + (k == i % 2 ? 2 : 0));
            }
            conditions.add(c);
            labels.add(classes.get(i % 2));
        }
        GeneratorTrainer.Settings settings = new GeneratorTrainer.Settings(kind, channels, 1, 5, 4,
                TrainerConfig.builder().setSteps(3).setSeed(5).optBatchSize(2).build(), ScheduleSettings.defaults(),
                SamplerSettings.deterministic(2));
        return GeneratorTrainer.train(settings, conditions, labels, ConditionTransform.standardising(conditions), null,
                Provenance.of(5, "test", "test", "GeneratorTest"), TrainingListener.silent()).bundle();
    }

    @Test
    void imageBundleRoundTripsAsDirectoryAndZip() throws IOException {
        GeneratorBundle bundle = tinyImage();
        assertEquals(GeneratorKind.IMAGE, bundle.kind());
        assertEquals(List.of("A", "B"), bundle.labels());
        for (Path path : List.of(dir.resolve("image"), dir.resolve("image.zip"))) {
            bundle.write(path);
            GeneratorBundle read = GeneratorBundle.read(path);
            assertEquals(bundle, read);
            float[] condition = bundle.labelCondition("A");
            assertArrayEquals(Generator.of(bundle, 4).generate(condition, 2, 9).values(),
                    Generator.of(read, 4).generate(condition, 2, 9).values());
        }
    }

    @Test
    void sameSeedGivesTheSameImageAndAnotherSeedAnother() throws IOException {
        Generator generator = Generator.of(tinyImage(), 4);
        float[] condition = generator.bundle().labelCondition("B");
        Generator.Output first = generator.generate(condition, 2, 42);
        Generator.Output again = generator.generate(condition, 2, 42);
        Generator.Output other = generator.generate(condition, 2, 43);
        assertEquals(GlyphRenderer.PIXELS, first.values().length);
        assertArrayEquals(first.values(), again.values());
        assertFalse(java.util.Arrays.equals(first.values(), other.values()));
        for (float v : first.values()) {
            assertTrue(v >= -1 && v <= 1, "pixel " + v);
        }
        assertEquals(2, first.steps());
        assertFalse(first.deadlineMissed());
    }

    @Test
    void speechIsAWordOfChainedChunksAboveTheLogFloor() throws IOException {
        GeneratorBundle bundle = tinySpeech();
        assertEquals(GeneratorKind.SPEECH, bundle.kind());
        NetworkDesign.Speech design = (NetworkDesign.Speech) bundle.design();
        MelConfig mel = bundle.mel();
        Generator generator = Generator.of(bundle, 2);
        Generator.Output output = generator.generate(bundle.labelCondition("yes"), 1, 3);
        float[][] logMel = output.logMel(mel.nMels());
        assertEquals(design.chunks() * 5, logMel.length);
        assertTrue(design.chunks() >= 2, "the longest word spans several 80 ms chunks: " + design.chunks());
        for (float[] frame : logMel) {
            for (float v : frame) {
                assertTrue(v >= Math.log(mel.logFloor()) - 1e-6, "value " + v);
            }
        }
        assertArrayEquals(output.values(), generator.generate(bundle.labelCondition("yes"), 1, 3).values());
        bundle.write(dir.resolve("speech.zip"));
        assertEquals(bundle, GeneratorBundle.read(dir.resolve("speech.zip")));
    }

    @Test
    void budgetedGenerationCalibratesThenFitsTheLargestRungAndFlagsMisses() throws IOException {
        long[] now = {0};
        // every clock read advances 1 ms: a network call measures 1 ms, a step costs about 1 ms more
        Generator generator = Generator.of(tinyImage(), 8, () -> now[0] += 1_000_000);
        float[] condition = generator.bundle().labelCondition("A");
        Generator.Output first = generator.generateWithin(condition, 1_000_000_000L, 1);
        assertEquals(1, first.steps(), "the first generation calibrates on the smallest rung");
        for (int i = 0; i < 5; i++) {
            generator.generateWithin(condition, 1_000_000_000L, 1);
        }
        assertEquals(8, generator.generateWithin(condition, 1_000_000_000L, 1).steps());
        Generator.Output late = generator.generateWithin(condition, 1, 1);
        assertEquals(1, late.steps());
        assertTrue(late.deadlineMissed());
        assertEquals(1, late.budgetNanos());
    }

    @Test
    void wrongConditionsAndLabelsAreRefusedWithTheNumbers() throws IOException {
        Generator generator = Generator.of(tinyImage(), 2);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> generator.generate(new float[LATENTS + 1], 1, 1));
        assertTrue(length.getMessage().contains("6 latent rates; got 7"), length.getMessage());
        float[] nan = new float[LATENTS];
        nan[2] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> generator.generate(nan, 1, 1));
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> generator.bundle().labelCondition("Z"));
        assertTrue(label.getMessage().contains("[A, B]"), label.getMessage());
        IllegalArgumentException glyph = assertThrows(IllegalArgumentException.class, () -> GeneratorTargets.glyphs(List.of("yes")));
        assertTrue(glyph.getMessage().contains("'yes'"), glyph.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GeneratorTargets.words(List.of("Q1"), MelConfig.DEFAULT));
    }

    @Test
    void aBundleOfAnotherKindOrWithBrokenTensorsIsRefused() throws IOException {
        GeneratorBundle bundle = tinyImage();
        Path path = dir.resolve("image");
        bundle.write(path);
        String json = Files.readString(path.resolve("model.json"));
        Files.writeString(path.resolve("model.json"), json.replace("\"generator-image\"", "\"ipvae\""));
        BundleFormatException kind = assertThrows(BundleFormatException.class, () -> GeneratorBundle.read(path));
        assertTrue(kind.getMessage().contains("expected generator-image or generator-speech"), kind.getMessage());
        Files.writeString(path.resolve("model.json"), json.replace("\"image-unet\"", "\"speech-net\""));
        assertThrows(BundleFormatException.class, () -> GeneratorBundle.read(path));
    }
}
