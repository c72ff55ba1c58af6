package org.bcistream.models.diffusion.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bcistream.models.bundle.Safetensors;
import org.bcistream.models.bundle.Tensor;
import org.bcistream.models.diffusion.NoiseSchedule;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.bcistream.models.diffusion.net.ImageUNet;
import org.bcistream.models.diffusion.net.ImageUNetConfig;
import org.bcistream.models.diffusion.net.SpeechNet;
import org.bcistream.models.diffusion.net.SpeechNetConfig;
import org.bcistream.models.random.SplitMix64;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Trains a default denoiser on a synthetic toy set, to exercise {@link DenoiserTrainer} end to end and to
 * measure training speed until the real data sets (rendered glyphs, voice-bank mel chunks) are wired in:
 *
 * <pre>
 *   TrainDenoiserMain image|speech STEPS SEED OUT_DIR
 * </pre>
 *
 * Image: 8 classes of 32×32 bars at angles k·π/8 in [−1, 1], 16 jittered variants each, one-hot conditions.
 * Speech: 8 classes of 32-frame, 80-band ridges rising at class-dependent bands, cut into chunks of 8 frames
 * with the previous 4 frames (silence, −1, at the start) as context, one-hot conditions. Batch 16, v-prediction
 * on the zero-terminal-SNR linear schedule, defaults of {@link TrainerConfig} otherwise; the network's
 * initialisation uses the same seed. Writes the EMA weights every 500 steps and at the end to
 * {@code OUT_DIR/ema-STEP.safetensors} with the kind, seed and step in the metadata.
 */
public final class TrainDenoiserMain {
    private static final int CLASSES = 8;

    private TrainDenoiserMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !(args[0].equals("image") || args[0].equals("speech"))) {
            System.err.println("usage: TrainDenoiserMain image|speech STEPS SEED OUT_DIR");
            System.exit(2);
            return;
        }
        String kind = args[0];
        int steps = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path out = Files.createDirectories(Path.of(args[3]));
        boolean image = kind.equals("image");
        ConditionalNetwork network = image
                ? ImageUNet.create(ImageUNetConfig.defaults(CLASSES), DataType.FLOAT, seed)
                : SpeechNet.create(SpeechNetConfig.defaults(CLASSES, 8), DataType.FLOAT, seed);
        TrainingData data = image ? ToySet.bars(seed) : ToySet.ridges();
        System.out.printf(Locale.ROOT, "%s denoiser: %,d parameters, %,d MACs per sample; %d training pairs%n", kind,
                network.parameters().count(), network.multiplyAccumulates(), data.size());
        TrainerConfig config = TrainerConfig.builder().setSteps(steps).setSeed(seed).optProgressInterval(10)
                .optCheckpointInterval(500).build();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress progress) {
                System.out.println(progress);
            }

            @Override
            public void onCheckpoint(Checkpoint checkpoint) {
                write(out, kind, seed, checkpoint.step(), checkpoint.emaWeights(), network.shapes());
            }
        };
        TrainingResult result = new DenoiserTrainer(config, NoiseSchedule.linear().withZeroTerminalSnr())
                .train(network, data, listener);
        write(out, kind, seed, steps, result.emaWeights(), network.shapes());
    }

    private static void write(Path directory, String kind, long seed, int step, Map<String, float[]> weights,
            Map<String, int[]> shapes) {
        List<Tensor> tensors = new ArrayList<>();
        weights.forEach((name, values) -> tensors.add(Tensor.ofFloats(name, shapes.get(name), values)));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("kind", kind);
        metadata.put("seed", Long.toString(seed));
        metadata.put("step", Integer.toString(step));
        Path file = directory.resolve("ema-" + step + ".safetensors");
        try {
            Safetensors.of(metadata, tensors).write(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + file);
    }

    /** The synthetic pairs. */
    private record ToySet(float[][] conditions, float[][] targets, float[][] contexts) implements TrainingData {

        static ToySet bars(long seed) {
            SplitMix64 rng = SplitMix64.of(seed);
            int variants = 16;
            float[][] conditions = new float[CLASSES * variants][];
            float[][] targets = new float[CLASSES * variants][];
            for (int k = 0; k < CLASSES; k++) {
                for (int v = 0; v < variants; v++) {
                    double angle = Math.PI * k / CLASSES + 0.1 * (rng.nextDouble() - 0.5);
                    double shift = 4 * (rng.nextDouble() - 0.5);
                    float[] pixels = new float[32 * 32];
                    for (int y = 0; y < 32; y++) {
                        for (int x = 0; x < 32; x++) {
                            double distance = Math.abs((x - 15.5) * Math.sin(angle) - (y - 15.5) * Math.cos(angle)
                                    - shift);
                            pixels[32 * y + x] = (float) Math.tanh(2 * (2.5 - distance));
                        }
                    }
                    conditions[k * variants + v] = oneHot(k);
                    targets[k * variants + v] = pixels;
                }
            }
            return new ToySet(conditions, targets, new float[conditions.length][0]);
        }

        static ToySet ridges() {
            int mels = 80;
            int frames = 8;
            int contextFrames = 4;
            int chunks = 4;
            List<float[]> conditions = new ArrayList<>();
            List<float[]> targets = new ArrayList<>();
            List<float[]> contexts = new ArrayList<>();
            for (int k = 0; k < CLASSES; k++) {
                float[][] spectrogram = new float[mels][contextFrames + chunks * frames];
                for (int f = 0; f < spectrogram[0].length; f++) {
                    double center = 8 + 7 * k + 0.5 * (f - contextFrames);
                    for (int m = 0; m < mels; m++) {
                        boolean silent = f < contextFrames;
                        double ridge = Math.exp(-(m - center) * (m - center) / 72.0);
                        spectrogram[m][f] = silent ? -1f : (float) (-1 + 2 * ridge);
                    }
                }
                for (int c = 0; c < chunks; c++) {
                    int start = contextFrames + c * frames;
                    conditions.add(oneHot(k));
                    targets.add(cut(spectrogram, start, frames));
                    contexts.add(cut(spectrogram, start - contextFrames, contextFrames));
                }
            }
            return new ToySet(conditions.toArray(float[][]::new), targets.toArray(float[][]::new),
                    contexts.toArray(float[][]::new));
        }

        private static float[] cut(float[][] spectrogram, int start, int frames) {
            float[] chunk = new float[spectrogram.length * frames];
            for (int m = 0; m < spectrogram.length; m++) {
                System.arraycopy(spectrogram[m], start, chunk, m * frames, frames);
            }
            return chunk;
        }

        private static float[] oneHot(int k) {
            float[] vector = new float[CLASSES];
            vector[k] = 1;
            return vector;
        }

        @Override
        public int size() {
            return targets.length;
        }

        @Override
        public float[] condition(int index) {
            return conditions[index];
        }

        @Override
        public float[] target(int index) {
            return targets[index];
        }

        @Override
        public float[] context(int index) {
            return contexts[index];
        }
    }
}
