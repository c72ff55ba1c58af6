package org.bcistream.models.glyph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The nearest-template classifier on templates, unseen styles, noise and shifts. */
class GlyphClassifierTest {
    private static final long SEED = 17L;

    private static GlyphClassifier classifier;

    @BeforeAll
    static void build() {
        classifier = GlyphClassifier.of(GlyphSet.standard());
    }

    @Test
    void everyTemplateIsItsOwnNearestMatch() {
        for (GlyphVariant v : GlyphSet.standard().variants()) {
            GlyphMatch m = classifier.classify(v.render()).orElseThrow();
            assertEquals(v.character(), m.character(), v.toString());
            assertEquals(1.0, m.correlation(), 1e-9);
        }
    }

    @Test
    void unseenStylesAreMostlyRecognised() {
        int correct = 0;
        int total = 0;
        for (GlyphStyle held : GlyphStyle.values()) {
            List<GlyphStyle> others = new ArrayList<>(List.of(GlyphStyle.values()));
            others.remove(held);
            GlyphClassifier partial = GlyphClassifier.of(GlyphSet.of(GlyphSet.LETTERS_AND_DIGITS, others));
            for (char c : GlyphSet.LETTERS_AND_DIGITS.toCharArray()) {
                total++;
                if (partial.classify(GlyphRenderer.render(c, held)).orElseThrow().character() == c) {
                    correct++;
                }
            }
        }
        double accuracy = correct / (double) total;
        System.out.printf(Locale.ROOT, "leave-one-style-out accuracy %.3f (%d of %d)%n", accuracy, correct, total);
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy);
    }

    @Test
    void noisyAndShiftedGlyphsKeepTheirClass() {
        SplittableRandom random = new SplittableRandom(SEED);
        int correct = 0;
        int total = 0;
        for (GlyphVariant v : GlyphSet.standard().variants()) {
            float[] img = v.render();
            float[] noisy = new float[img.length];
            float[] shifted = new float[img.length];
            for (int i = 0; i < img.length; i++) {
                noisy[i] = img[i] + (float) (0.5 * random.nextGaussian());
                int x = i % GlyphRenderer.SIZE;
                shifted[i] = x == 0 ? -1f : img[i - 1];
            }
            for (float[] probe : new float[][] {noisy, shifted}) {
                total++;
                correct += classifier.classify(probe).orElseThrow().character() == v.character() ? 1 : 0;
            }
        }
        double accuracy = correct / (double) total;
        System.out.printf(Locale.ROOT, "noise (sigma 0.5) and 1-pixel shift accuracy %.3f%n", accuracy);
        assertTrue(accuracy >= 0.95, "accuracy " + accuracy);
    }

    @Test
    void blankImagesMatchNothingAndBadInputIsRefused() {
        float[] blank = new float[GlyphRenderer.PIXELS];
        Arrays.fill(blank, -1f);
        assertTrue(classifier.classify(blank).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> classifier.classify(new float[100]));
        float[] nan = GlyphRenderer.render('A', GlyphStyle.SANS);
        nan[5] = Float.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> classifier.classify(nan)).getMessage()
                .contains("pixel 5"));
    }
}
