package org.bcistream.models.generator;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.bcistream.models.audio.LogMelL1;
import org.bcistream.models.audio.MelSpectrogram;
import org.bcistream.models.glyph.GlyphClassifier;
import org.bcistream.models.glyph.GlyphMatch;
import org.bcistream.models.glyph.GlyphSet;
import org.bcistream.models.glyph.GlyphStyle;

/**
 * Which of a generator's labels an output shows, judged independently of the generator: a glyph by the
 * nearest-template classifier over the labels' glyphs in every style; a spoken word by the nearest voice-bank
 * word of the labels in log-mel L1 (the audio's log-mel, both padded with silence to the longer length). Used to
 * score decoding accuracy (generated output vs the cued target). Not thread-safe.
 */
public final class OutputClassifier {
    private final GeneratorBundle bundle;
    private final GlyphClassifier glyphs;
    private final Map<String, float[][]> words;
    private final MelSpectrogram front;

    private OutputClassifier(GeneratorBundle bundle, GlyphClassifier glyphs, Map<String, float[][]> words, MelSpectrogram front) {
        this.bundle = bundle;
        this.glyphs = glyphs;
        this.words = words;
        this.front = front;
    }

    /** A classifier over the labels of {@code bundle}. */
    public static OutputClassifier of(GeneratorBundle bundle) throws IOException {
        if (bundle.kind() == GeneratorKind.IMAGE) {
            return new OutputClassifier(bundle,
                    GlyphClassifier.of(GlyphSet.of(String.join("", bundle.labels()), Arrays.asList(GlyphStyle.values()))), null, null);
        }
        return new OutputClassifier(bundle, null, GeneratorTargets.words(bundle.labels(), bundle.mel()), new MelSpectrogram(bundle.mel()));
    }

    /** The label a glyph image shows, or empty for a blank image. */
    public String classifyImage(float[] pixels) {
        return glyphs.classify(pixels).map(GlyphMatch::character).map(String::valueOf).orElse("");
    }

    /** The label whose word is nearest to {@code audio} (at the generator's sample rate). */
    public String classifySpeech(float[] audio) {
        float[][] generated = front.compute(audio);
        String best = "";
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, float[][]> word : words.entrySet()) {
            int frames = Math.max(generated.length, word.getValue().length);
            double distance = LogMelL1.distance(GeneratorTargets.padded(generated, frames, bundle.mel()),
                    GeneratorTargets.padded(word.getValue(), frames, bundle.mel()));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = word.getKey();
            }
        }
        return best;
    }
}
