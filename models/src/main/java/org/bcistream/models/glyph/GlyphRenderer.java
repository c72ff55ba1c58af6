package org.bcistream.models.glyph;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Renders one character as a {@value #SIZE} x {@value #SIZE} glyph target.
 *
 * <p>Method: the character's outline in the style's font is scaled so its ink (the outline's bounding
 * box) is {@value #INK_HEIGHT} pixels tall, or less if it would otherwise be wider than
 * {@value #MAX_INK_WIDTH} pixels (e.g. "W", "M"), centred by its bounding box, and filled with Java2D
 * antialiasing on a grey image. A pixel's coverage {@code c} in [0, 1] becomes {@code 2 c - 1}: background
 * -1, full ink +1. Deterministic for a given JVM and font installation. Thread-safe.
 */
public final class GlyphRenderer {
    /** Width and height of a glyph image in pixels. */
    public static final int SIZE = 32;
    /** Values per image, {@code SIZE x SIZE}. */
    public static final int PIXELS = SIZE * SIZE;
    /** Height of the ink bounding box in pixels, unless the width limit applies. */
    public static final int INK_HEIGHT = 24;
    /** Largest width of the ink bounding box in pixels. */
    public static final int MAX_INK_WIDTH = 26;

    private static final float OUTLINE_POINTS = 200f;

    private GlyphRenderer() {}

    /**
     * The glyph image of {@code c} in {@code style}, {@value #PIXELS} values in [-1, 1], row-major.
     *
     * @throws IllegalArgumentException if the font cannot display {@code c} or it has no ink (a space)
     */
    public static float[] render(char c, GlyphStyle style) {
        Font font = style.font(OUTLINE_POINTS);
        if (!font.canDisplay(c)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "font %s cannot display '%c' (U+%04X)", font.getFontName(Locale.ROOT), c, (int) c));
        }
        Shape outline = font.createGlyphVector(new FontRenderContext(null, true, true), new char[] {c})
                .getOutline();
        Rectangle2D ink = outline.getBounds2D();
        if (ink.getWidth() <= 0 || ink.getHeight() <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "'%c' (U+%04X) has no ink in %s", c, (int) c, style));
        }
        double scale = Math.min(INK_HEIGHT / ink.getHeight(), MAX_INK_WIDTH / ink.getWidth());
        AffineTransform place = new AffineTransform();
        place.translate(SIZE / 2.0, SIZE / 2.0);
        place.scale(scale, scale);
        place.translate(-ink.getCenterX(), -ink.getCenterY());

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(Color.WHITE);
            g.fill(place.createTransformedShape(outline));
        } finally {
            g.dispose();
        }
        int[] grey = image.getRaster().getPixels(0, 0, SIZE, SIZE, (int[]) null);
        float[] out = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            out[i] = grey[i] / 127.5f - 1f;
        }
        return out;
    }
}
