package org.bcistream.models.glyph;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Nearest-template classifier for {@value GlyphRenderer#SIZE} x {@value GlyphRenderer#SIZE} glyph images:
 * the class of the template with the highest normalised cross-correlation
 * {@code sum (x - mean x)(t - mean t) / (||x - mean x|| ||t - mean t||)} over every template of every class
 * (ties go to the earlier template). NCC ignores brightness offset and contrast, so a faint but
 * well-shaped generated glyph still scores. Used to check that a generated glyph shows its conditioning
 * class. Immutable and thread-safe.
 */
public final class GlyphClassifier {
    private final List<GlyphVariant> variants;
    /** Templates centred and scaled to unit norm, so the NCC is a dot product with the normalised image. */
    private final double[][] templates;

    private GlyphClassifier(List<GlyphVariant> variants, double[][] templates) {
        this.variants = variants;
        this.templates = templates;
    }

    /** A classifier whose templates are the rendered variants of {@code set}. */
    public static GlyphClassifier of(GlyphSet set) {
        List<GlyphVariant> variants = set.variants();
        double[][] templates = new double[variants.size()][];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = normalise(variants.get(i).render());
            if (templates[i] == null) {
                throw new IllegalStateException("template " + variants.get(i) + " rendered as a constant image");
            }
        }
        return new GlyphClassifier(List.copyOf(variants), templates);
    }

    /**
     * The best-matching template for {@code image}, or empty if the image is constant (blank), whose
     * correlation with any template is undefined; count that as a miss.
     *
     * @param image {@value GlyphRenderer#PIXELS} finite values, row-major
     */
    public Optional<GlyphMatch> classify(float[] image) {
        if (image.length != GlyphRenderer.PIXELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a glyph image has %d pixels; got %d", GlyphRenderer.PIXELS, image.length));
        }
        double[] x = normalise(image);
        if (x == null) {
            return Optional.empty();
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < templates.length; i++) {
            double s = 0.0;
            double[] t = templates[i];
            for (int p = 0; p < t.length; p++) {
                s += t[p] * x[p];
            }
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        GlyphVariant v = variants.get(best);
        return Optional.of(new GlyphMatch(v.character(), v.style(), Math.max(-1.0, Math.min(1.0, bestScore))));
    }

    /** {@code (x - mean) / ||x - mean||}, or null when x is constant; refuses non-finite pixels. */
    private static double[] normalise(float[] image) {
        double mean = 0.0;
        for (int i = 0; i < image.length; i++) {
            if (!Float.isFinite(image[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "pixel %d is %s; glyph images must be finite", i, image[i]));
            }
            mean += image[i];
        }
        mean /= image.length;
        double[] out = new double[image.length];
        double norm = 0.0;
        for (int i = 0; i < image.length; i++) {
            out[i] = image[i] - mean;
            norm += out[i] * out[i];
        }
        if (norm <= 1e-12 * image.length) {
            return null;
        }
        double inv = 1.0 / Math.sqrt(norm);
        for (int i = 0; i < out.length; i++) {
            out[i] *= inv;
        }
        return out;
    }
}
