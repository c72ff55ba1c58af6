package org.bcistream.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bcistream.models.audio.MelConfig;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.bcistream.models.diffusion.net.ImageUNetConfig;
import org.bcistream.models.diffusion.net.SpeechNetConfig;
import org.bcistream.models.generator.ConditionTransform;
import org.bcistream.models.generator.GeneratorBundle;
import org.bcistream.models.generator.NetworkDesign;
import org.bcistream.models.generator.SamplerSettings;
import org.bcistream.models.generator.ScheduleSettings;
import org.bcistream.models.random.SplitMix64;

/**
 * Untrained generator bundles with the pretrained generators' network designs for any condition size, for
 * measuring cost (which does not depend on the weights): a random projection of the latents to ten values, as the
 * trained bundles' class-score map has.
 */
final class HarnessGenerators {
    private static final int SCORES = 10;
    private static final List<String> LABELS = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J");

    private HarnessGenerators() {}

    /** The demo image U-Net (16/32/64, one block per level). */
    static Path image(Path dir, int latents) throws IOException {
        return write(dir.resolve("image.zip"), new NetworkDesign.Image(new ImageUNetConfig(SCORES, 32, List.of(16, 32, 64), 1, 8, 32)),
                latents, null);
    }

    /** The demo speech network (128 channels, 4 blocks, 5-frame chunks, 4 context frames) generating one chunk per request. */
    static Path speechChunk(Path dir, int latents) throws IOException {
        return write(dir.resolve("speech.zip"), new NetworkDesign.Speech(new SpeechNetConfig(SCORES + 1, 80, 5, 4, 128, 4, 8, 3, 32), 1),
                latents, MelConfig.DEFAULT);
    }

    private static Path write(Path path, NetworkDesign design, int latents, MelConfig mel) throws IOException {
        ConditionalNetwork network = design.create(1);
        SplitMix64 rng = SplitMix64.of(2);
        double[][] matrix = new double[SCORES][latents];
        for (double[] row : matrix) {
            for (int c = 0; c < latents; c++) {
                row[c] = (rng.nextDouble() - 0.5) / Math.sqrt(latents);
            }
        }
        float[][] labelConditions = new float[LABELS.size()][latents];
        new GeneratorBundle(design, ScheduleSettings.defaults(), SamplerSettings.deterministic(8), LABELS, labelConditions,
                ConditionTransform.of(matrix, new double[SCORES]), mel == null ? 0 : -4, mel == null ? 1 : 4, mel, network.weights(),
                network.shapes(), null, null, Provenance.of(1, "untrained", "latency harness", "LatencyHarnessBenchmark")).write(path);
        return path;
    }
}
