package org.bcistream.models.generator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bcistream.models.audio.MelConfig;
import org.bcistream.models.audio.MelSpectrogram;
import org.bcistream.models.audio.VoiceBank;
import org.bcistream.models.glyph.GlyphRenderer;
import org.bcistream.models.glyph.GlyphSet;
import org.bcistream.models.glyph.GlyphStyle;

/**
 * What a generator learns to produce for each label: the label's glyph in every {@link GlyphStyle} (images), or
 * the log-mel spectrogram of its voice-bank recording (speech), padded with silence to a whole number of chunks.
 */
public final class GeneratorTargets {
    private GeneratorTargets() {}

    /**
     * The glyph renders of each label, in every style: label → styles × S² pixels in [−1, 1].
     *
     * @throws IllegalArgumentException if a label is not one of the glyph set's characters (A-Z, 0-9)
     */
    public static Map<String, List<float[]>> glyphs(List<String> labels) {
        Map<String, List<float[]>> targets = new LinkedHashMap<>();
        for (String label : labels) {
            if (label.length() != 1 || GlyphSet.LETTERS_AND_DIGITS.indexOf(label.charAt(0)) < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "an image generator draws the glyphs %s; the label '%s' is not one of them (cue letters or digits, e.g. targets=letters)",
                        GlyphSet.LETTERS_AND_DIGITS, label));
            }
            List<float[]> renders = new ArrayList<>();
            for (GlyphStyle style : GlyphStyle.values()) {
                renders.add(GlyphRenderer.render(label.charAt(0), style));
            }
            targets.put(label, renders);
        }
        return targets;
    }

    /**
     * The log-mel spectrogram of each label's voice-bank recording, [frames][M].
     *
     * @throws IllegalArgumentException if a label has no recording (the message lists the bank's entries)
     */
    public static Map<String, float[][]> words(List<String> labels, MelConfig mel) throws IOException {
        VoiceBank bank = VoiceBank.load();
        MelSpectrogram front = new MelSpectrogram(mel);
        Map<String, float[][]> targets = new LinkedHashMap<>();
        for (String label : labels) {
            targets.put(label, front.compute(bank.clip(label)));
        }
        return targets;
    }

    /** {@code logMel} padded with the log floor (silence) or cut to {@code frames} frames. */
    public static float[][] padded(float[][] logMel, int frames, MelConfig mel) {
        float silence = (float) Math.log(mel.logFloor());
        float[][] out = new float[frames][];
        for (int f = 0; f < frames; f++) {
            if (f < logMel.length) {
                out[f] = logMel[f].clone();
            } else {
                out[f] = new float[mel.nMels()];
                java.util.Arrays.fill(out[f], silence);
            }
        }
        return out;
    }
}
