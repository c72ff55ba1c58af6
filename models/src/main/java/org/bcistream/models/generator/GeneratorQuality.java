package org.bcistream.models.generator;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bcistream.models.audio.LogMelL1;
import org.bcistream.models.audio.Mcd;
import org.bcistream.models.glyph.GlyphClassifier;
import org.bcistream.models.glyph.GlyphMatch;
import org.bcistream.models.glyph.GlyphRenderer;
import org.bcistream.models.glyph.GlyphSet;
import org.bcistream.models.glyph.GlyphStyle;
import org.bcistream.models.glyph.Ssim;

/**
 * How well a generator's outputs match their conditioning class at a given step count, over (condition, label)
 * trials it did not train on. Images: the fraction a nearest-template classifier over the generator's labels
 * (every style) assigns to the conditioning label, and the mean SSIM to the label's closest style. Speech: the
 * mean log-mel L1 distance and mel-cepstral distortion to the label's voice-bank word (padded with silence to the
 * generated length), and the pair test: the fraction of (trial, other label) pairs in which the generated word is
 * closer (log-mel L1) to its own word than to the other label's.
 */
public final class GeneratorQuality {
    private GeneratorQuality() {}

    /**
     * One row of the quality-vs-steps table; measures that do not apply to the kind are NaN.
     *
     * @param steps DDIM steps
     * @param trials trials generated
     * @param accuracy images: fraction classified as their label
     * @param ssim images: mean SSIM to the label's closest style
     * @param logMelL1 speech: mean log-mel L1 to the label's word
     * @param mcd speech: mean mel-cepstral distortion to the label's word, dB
     * @param pairWins speech: fraction of pairs won by the own word
     * @param millisPerOutput mean generation time per output, ms
     */
    public record Row(int steps, int trials, double accuracy, double ssim, double logMelL1, double mcd, double pairWins,
            double millisPerOutput) {

        /** The row as a Markdown table line for the kind. */
        public String markdown(GeneratorKind kind) {
            return kind == GeneratorKind.IMAGE
                    ? String.format(Locale.ROOT, "| %d | %d | %.3f | %.3f | %.1f |", steps, trials, accuracy, ssim, millisPerOutput)
                    : String.format(Locale.ROOT, "| %d | %d | %.3f | %.2f | %.3f | %.1f |", steps, trials, logMelL1, mcd, pairWins,
                            millisPerOutput);
        }

        /** The Markdown table header for the kind. */
        public static String header(GeneratorKind kind) {
            return kind == GeneratorKind.IMAGE
                    ? "| steps | trials | glyph accuracy | SSIM | ms/output |\n|---|---|---|---|---|"
                    : "| steps | trials | log-mel L1 | MCD (dB) | pair test | ms/output |\n|---|---|---|---|---|---|";
        }
    }

    /**
     * Generates every trial with {@code steps} steps (trial i with seed {@code seed + i}) and scores the outputs.
     *
     * @throws IllegalArgumentException if a label is unknown to the generator or the lists differ in length
     * @throws IOException if the voice bank cannot be read
     */
    public static Row measure(Generator generator, List<float[]> conditions, List<String> labels, int steps, long seed)
            throws IOException {
        if (conditions.size() != labels.size() || conditions.isEmpty()) {
            throw new IllegalArgumentException("need one label per condition and at least one trial; got " + conditions.size()
                    + " and " + labels.size());
        }
        GeneratorBundle bundle = generator.bundle();
        for (String label : labels) {
            bundle.labelCondition(label); // names the unknown label
        }
        return bundle.kind() == GeneratorKind.IMAGE ? images(generator, conditions, labels, steps, seed)
                : speech(generator, conditions, labels, steps, seed);
    }

    private static Row images(Generator generator, List<float[]> conditions, List<String> labels, int steps, long seed) {
        List<String> known = generator.bundle().labels();
        GlyphClassifier classifier = GlyphClassifier.of(GlyphSet.of(String.join("", known), Arrays.asList(GlyphStyle.values())));
        Map<String, List<float[]>> targets = GeneratorTargets.glyphs(known);
        int right = 0;
        double ssim = 0;
        long nanos = 0;
        for (int i = 0; i < conditions.size(); i++) {
            Generator.Output output = generator.generate(conditions.get(i), steps, seed + i);
            nanos += output.nanos();
            String label = labels.get(i);
            if (classifier.classify(output.values()).map(GlyphMatch::character).filter(c -> c == label.charAt(0)).isPresent()) {
                right++;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (float[] target : targets.get(label)) {
                best = Math.max(best, Ssim.compute(output.values(), target, GlyphRenderer.SIZE, GlyphRenderer.SIZE));
            }
            ssim += best;
        }
        int n = conditions.size();
        return new Row(steps, n, right / (double) n, ssim / n, Double.NaN, Double.NaN, Double.NaN, nanos / 1e6 / n);
    }

    private static Row speech(Generator generator, List<float[]> conditions, List<String> labels, int steps, long seed)
            throws IOException {
        GeneratorBundle bundle = generator.bundle();
        int bands = bundle.mel().nMels();
        int frames = ((NetworkDesign.Speech) bundle.design()).frames();
        Map<String, float[][]> words = GeneratorTargets.words(bundle.labels(), bundle.mel());
        words.replaceAll((label, mel) -> GeneratorTargets.padded(mel, frames, bundle.mel()));
        double l1 = 0;
        double mcd = 0;
        int wins = 0;
        int pairs = 0;
        long nanos = 0;
        for (int i = 0; i < conditions.size(); i++) {
            Generator.Output output = generator.generate(conditions.get(i), steps, seed + i);
            nanos += output.nanos();
            float[][] generated = output.logMel(bands);
            float[][] own = words.get(labels.get(i));
            double ownDistance = LogMelL1.distance(generated, own);
            l1 += ownDistance;
            mcd += Mcd.compute(generated, own);
            for (Map.Entry<String, float[][]> other : words.entrySet()) {
                if (!other.getKey().equals(labels.get(i))) {
                    pairs++;
                    if (ownDistance < LogMelL1.distance(generated, other.getValue())) {
                        wins++;
                    }
                }
            }
        }
        int n = conditions.size();
        return new Row(steps, n, Double.NaN, Double.NaN, l1 / n, mcd / n, pairs == 0 ? Double.NaN : wins / (double) pairs,
                nanos / 1e6 / n);
    }
}
