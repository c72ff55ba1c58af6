package org.bcistream.decoders.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.render.PngRenderer;
import org.bcistream.decoders.trigger.GenerationRequest;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.diffusion.train.TrainerConfig;
import org.bcistream.models.diffusion.train.TrainingListener;
import org.bcistream.models.generator.ConditionTransform;
import org.bcistream.models.generator.GeneratorBundle;
import org.bcistream.models.generator.GeneratorKind;
import org.bcistream.models.generator.GeneratorTrainer;
import org.bcistream.models.generator.NetworkDesign;
import org.bcistream.models.generator.SamplerSettings;
import org.bcistream.models.generator.ScheduleSettings;
import org.bcistream.models.glyph.GlyphRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleGeneratorsTest {
    @TempDir
    Path dir;

    private Path train(GeneratorKind kind, List<String> classes) throws IOException {
        List<float[]> conditions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            conditions.add(new float[] {i % 2, 1 - i % 2, 0.1f * i});
            labels.add(classes.get(i % 2));
        }
        GeneratorTrainer.Settings settings = new GeneratorTrainer.Settings(kind, kind == GeneratorKind.IMAGE ? List.of(8, 16) : List.of(8), 1,
                5, 4, TrainerConfig.builder().setSteps(2).setSeed(3).optBatchSize(2).build(), ScheduleSettings.defaults(),
                SamplerSettings.deterministic(2));
        GeneratorBundle bundle = GeneratorTrainer.train(settings, conditions, labels, ConditionTransform.standardising(conditions), null,
                Provenance.of(3, "test", "test", "BundleGeneratorsTest"), TrainingListener.silent()).bundle();
        Path path = dir.resolve(kind + ".zip");
        bundle.write(path);
        return path;
    }

    private static GenerationRequest request(String session, long index) {
        return new GenerationRequest(session, index, "A", new float[] {0.2f, 0.9f, 0.3f}, 1.5, 4, 10, 20);
    }

    @Test
    void requestSeedsDependOnSessionAndIndexOnly() {
        assertEquals(BundleGenerators.requestSeed(1, "s", 4), BundleGenerators.requestSeed(1, "s", 4));
        assertNotEquals(BundleGenerators.requestSeed(1, "s", 4), BundleGenerators.requestSeed(1, "s", 5));
        assertNotEquals(BundleGenerators.requestSeed(1, "s", 4), BundleGenerators.requestSeed(1, "t", 4));
        assertNotEquals(BundleGenerators.requestSeed(1, "s", 4), BundleGenerators.requestSeed(2, "s", 4));
    }

    @Test
    void fixedStepImagesAreTheSamePngFromAnyGeneratorInstance() throws Exception {
        Path bundle = train(GeneratorKind.IMAGE, List.of("A", "B"));
        BundleGenerators factory = new BundleGenerators(bundle.toString(), 9, 2, 8, 2, 0);
        OutputGenerator first = factory.create();
        OutputGenerator second = factory.create();
        assertEquals(OutputKind.IMAGE, first.kind());
        OutputGenerator.Generated a = first.generate(request("s", 3), 1_000_000L);
        assertEquals(2, a.steps(), "a fixed step count ignores the budget");
        second.generate(request("s", 0), 1_000_000L);
        assertArrayEquals(a.payload(), second.generate(request("s", 3), 1_000_000L).payload());
        assertEquals(GlyphRenderer.PIXELS, new PngRenderer(2).read(a.payload(), GlyphRenderer.SIZE, GlyphRenderer.SIZE).length);
        assertNotEquals(Arrays.toString(a.payload()), Arrays.toString(first.generate(request("s", 4), 1_000_000L).payload()));

        OutputGenerator budgeted = new BundleGenerators(bundle.toString(), 9, null, 4, 1, 0).create();
        int steps = budgeted.generate(request("s", 3), 10_000_000_000L).steps();
        assertTrue(steps >= 1 && steps <= 4, "steps " + steps);
    }

    @Test
    void speechIsPcmOfTheWholeWord() throws Exception {
        Path path = train(GeneratorKind.SPEECH, List.of("yes", "no"));
        GeneratorBundle bundle = GeneratorBundle.read(path);
        OutputGenerator generator = new BundleGenerators(path.toString(), 1, 1, 1, 1, 1).create();
        assertEquals(OutputKind.SPEECH, generator.kind());
        byte[] pcm = generator.generate(request("s", 0), 1_000_000_000L).payload();
        int frames = ((NetworkDesign.Speech) bundle.design()).frames();
        assertEquals(2 * bundle.mel().sampleCount(frames), pcm.length);
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BundleGenerators("x", 1, 0, 8, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BundleGenerators("x", 1, null, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BundleGenerators("x", 1, null, 8, 0, 0));
        assertThrows(NoSuchFileException.class, () -> new BundleGenerators(dir.resolve("none.zip").toString(), 1, null, 8, 1, 0).create());
    }
}
