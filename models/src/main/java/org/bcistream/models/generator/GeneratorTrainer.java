package org.bcistream.models.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bcistream.models.audio.MelConfig;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.bcistream.models.diffusion.net.ImageUNetConfig;
import org.bcistream.models.diffusion.net.SpeechNetConfig;
import org.bcistream.models.diffusion.train.DenoiserTrainer;
import org.bcistream.models.diffusion.train.TrainerConfig;
import org.bcistream.models.diffusion.train.TrainingData;
import org.bcistream.models.diffusion.train.TrainingListener;
import org.bcistream.models.diffusion.train.TrainingResult;
import org.bcistream.models.glyph.GlyphRenderer;

/**
 * Trains a conditional generator from (condition, label) pairs, e.g. the iP-VAE trial latents of cued trials
 * and their cued targets. Each pair's condition goes through the given {@link ConditionTransform}; its target
 * is the label's glyph in every style (images: one training pair per style) or the label's voice-bank word cut
 * into chunks (speech: one pair per chunk, with the chunk's one-hot position and the clean previous frames as
 * context). The network is trained for v-prediction with condition dropout ({@link DenoiserTrainer}) and the
 * bundle keeps its EMA weights.
 *
 * <p>Deterministic for a seed (see {@link DenoiserTrainer}).
 */
public final class GeneratorTrainer {
    private GeneratorTrainer() {}

    /**
     * The design and training settings.
     *
     * @param kind image or speech
     * @param channels image: channels per U-Net level; speech: one value, the hidden channels
     * @param blocks image: residual blocks per level; speech: residual blocks
     * @param chunkFrames speech: frames per chunk (F); ignored for images
     * @param contextFrames speech: clean context frames (K ≤ F); ignored for images
     * @param trainer optimiser settings, including steps and seed
     * @param schedule the noise schedule
     * @param sampler the sampling defaults to record
     */
    public record Settings(GeneratorKind kind, List<Integer> channels, int blocks, int chunkFrames, int contextFrames,
            TrainerConfig trainer, ScheduleSettings schedule, SamplerSettings sampler) {
        public Settings {
            channels = List.copyOf(channels);
            if (kind == null || trainer == null || schedule == null || sampler == null || channels.isEmpty()) {
                throw new IllegalArgumentException("kind, channels, trainer, schedule and sampler settings are required");
            }
            if (kind == GeneratorKind.SPEECH && (channels.size() != 1 || contextFrames < 1 || contextFrames > chunkFrames)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a speech network has one channel count and 1 <= context frames <= chunk frames; got %s, %d, %d",
                        channels, contextFrames, chunkFrames));
            }
        }
    }

    /**
     * The trained generator.
     *
     * @param bundle the bundle (EMA weights)
     * @param result the training run
     * @param pairs training pairs per epoch
     */
    public record Trained(GeneratorBundle bundle, TrainingResult result, int pairs) {}

    /**
     * Trains a generator.
     *
     * @param conditions raw conditions, one per trial, C values each
     * @param labels the trials' labels
     * @param transform raw (C) → network condition (D)
     * @param conditioning how the conditions were made, recorded in the bundle
     * @param provenance seed, data fingerprint and command
     * @throws IllegalArgumentException if the inputs disagree in size, a label has no target, or a condition is not finite
     * @throws IOException if the voice bank cannot be read
     */
    public static Trained train(Settings settings, List<float[]> conditions, List<String> labels, ConditionTransform transform,
            ObjectNode conditioning, Provenance provenance, TrainingListener listener) throws IOException {
        if (conditions.size() != labels.size() || conditions.isEmpty()) {
            throw new IllegalArgumentException("need one label per condition and at least one pair; got " + conditions.size()
                    + " conditions and " + labels.size() + " labels");
        }
        List<String> distinct = labels.stream().distinct().sorted().toList();
        List<float[]> transformed = conditions.stream().map(transform::apply).toList();
        int d = transform.outputSize();
        NetworkDesign design;
        TrainingData data;
        double offset = 0;
        double scale = 1;
        MelConfig mel = null;
        if (settings.kind() == GeneratorKind.IMAGE) {
            design = new NetworkDesign.Image(new ImageUNetConfig(d, GlyphRenderer.SIZE, settings.channels(), settings.blocks(), 8, 32));
            data = imagePairs(transformed, labels, GeneratorTargets.glyphs(distinct));
        } else {
            mel = MelConfig.DEFAULT;
            Map<String, float[][]> words = GeneratorTargets.words(distinct, mel);
            int longest = words.values().stream().mapToInt(w -> w.length).max().orElseThrow();
            int chunks = (longest + settings.chunkFrames() - 1) / settings.chunkFrames();
            double min = Math.log(mel.logFloor());
            double max = words.values().stream().flatMap(java.util.Arrays::stream)
                    .mapToDouble(f -> { double m = Double.NEGATIVE_INFINITY; for (float v : f) { m = Math.max(m, v); } return m; })
                    .max().orElseThrow();
            offset = (max + min) / 2;
            scale = Math.max((max - min) / 2, 1e-3);
            design = new NetworkDesign.Speech(new SpeechNetConfig(d + chunks, mel.nMels(), settings.chunkFrames(), settings.contextFrames(),
                    settings.channels().get(0), settings.blocks(), 8, 3, 32), chunks);
            data = speechPairs(transformed, labels, words, (NetworkDesign.Speech) design, mel, offset, scale);
        }
        ConditionalNetwork network = design.create(settings.trainer().seed());
        TrainingResult result = new DenoiserTrainer(settings.trainer(), settings.schedule().toSchedule()).train(network, data, listener);
        float[][] labelConditions = new float[distinct.size()][];
        for (int l = 0; l < distinct.size(); l++) {
            labelConditions[l] = mean(conditions, labels, distinct.get(l));
        }
        ObjectNode training = JsonNodeFactory.instance.objectNode();
        TrainerConfig t = settings.trainer();
        training.put("steps", t.steps());
        training.put("batchSize", t.batchSize());
        training.put("learningRate", t.learningRate());
        training.put("emaDecay", t.emaDecay());
        training.put("conditionDropout", t.conditionDropout());
        training.put("gradientClipNorm", t.gradientClipNorm());
        training.put("trials", conditions.size());
        training.put("pairs", data.size());
        training.put("finalLoss", result.finalLoss());
        GeneratorBundle bundle = new GeneratorBundle(design, settings.schedule(), settings.sampler(), distinct, labelConditions, transform,
                offset, scale, mel, result.emaWeights(), network.shapes(), conditioning, training, provenance);
        return new Trained(bundle, result, data.size());
    }

    private static float[] mean(List<float[]> conditions, List<String> labels, String label) {
        float[] sum = new float[conditions.get(0).length];
        int count = 0;
        for (int i = 0; i < conditions.size(); i++) {
            if (labels.get(i).equals(label)) {
                for (int c = 0; c < sum.length; c++) {
                    sum[c] += conditions.get(i)[c];
                }
                count++;
            }
        }
        for (int c = 0; c < sum.length; c++) {
            sum[c] /= count;
        }
        return sum;
    }

    private static TrainingData imagePairs(List<float[]> conditions, List<String> labels, Map<String, List<float[]>> glyphs) {
        List<float[]> pairConditions = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            for (float[] render : glyphs.get(labels.get(i))) {
                pairConditions.add(conditions.get(i));
                targets.add(render);
            }
        }
        return new Pairs(pairConditions, targets, null);
    }

    private static TrainingData speechPairs(List<float[]> conditions, List<String> labels, Map<String, float[][]> words,
            NetworkDesign.Speech design, MelConfig mel, double offset, double scale) {
        int frames = design.config().frames();
        int contextFrames = design.config().contextFrames();
        int bands = mel.nMels();
        Map<String, float[][]> chunkTargets = new LinkedHashMap<>();
        Map<String, float[][]> chunkContexts = new LinkedHashMap<>();
        for (Map.Entry<String, float[][]> word : words.entrySet()) {
            float[][] padded = GeneratorTargets.padded(word.getValue(), design.frames(), mel);
            float[][] targets = new float[design.chunks()][bands * frames];
            float[][] contexts = new float[design.chunks()][bands * contextFrames];
            for (int k = 0; k < design.chunks(); k++) {
                for (int m = 0; m < bands; m++) {
                    for (int f = 0; f < frames; f++) {
                        targets[k][m * frames + f] = (float) ((padded[k * frames + f][m] - offset) / scale);
                    }
                    for (int j = 0; j < contextFrames; j++) {
                        int frame = k * frames - contextFrames + j;
                        double value = frame < 0 ? Math.log(mel.logFloor()) : padded[frame][m];
                        contexts[k][m * contextFrames + j] = (float) ((value - offset) / scale);
                    }
                }
            }
            chunkTargets.put(word.getKey(), targets);
            chunkContexts.put(word.getKey(), contexts);
        }
        List<float[]> pairConditions = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        List<float[]> contexts = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            for (int k = 0; k < design.chunks(); k++) {
                float[] condition = new float[conditions.get(i).length + design.chunks()];
                System.arraycopy(conditions.get(i), 0, condition, 0, conditions.get(i).length);
                condition[conditions.get(i).length + k] = 1f;
                pairConditions.add(condition);
                targets.add(chunkTargets.get(labels.get(i))[k]);
                contexts.add(chunkContexts.get(labels.get(i))[k]);
            }
        }
        return new Pairs(pairConditions, targets, contexts);
    }

    /** Training pairs held in lists. */
    private record Pairs(List<float[]> conditions, List<float[]> targets, List<float[]> contexts) implements TrainingData {
        @Override
        public int size() {
            return targets.size();
        }

        @Override
        public float[] condition(int index) {
            return conditions.get(index);
        }

        @Override
        public float[] target(int index) {
            return targets.get(index);
        }

        @Override
        public float[] context(int index) {
            return contexts == null ? new float[0] : contexts.get(index);
        }
    }
}
