package org.bcistream.models.glyph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Geometry and value range of rendered glyphs. */
class GlyphRendererTest {
    private static final int S = GlyphRenderer.SIZE;

    @Test
    void everyStandardVariantIsAnAntialiasedCentredGlyphOfFixedInkHeight() {
        for (GlyphVariant v : GlyphSet.standard().variants()) {
            float[] img = v.render();
            assertEquals(GlyphRenderer.PIXELS, img.length);
            int top = S;
            int bottom = -1;
            int left = S;
            int right = -1;
            boolean partial = false;
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x++) {
                    float p = img[y * S + x];
                    assertTrue(p >= -1f && p <= 1f, v + " pixel " + p);
                    if (p > -1f) {
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                    }
                    partial |= p > -0.9f && p < 0.9f;
                }
            }
            int height = bottom - top + 1;
            int width = right - left + 1;
            assertTrue(partial, v + " has no antialiased edge");
            assertTrue(height <= GlyphRenderer.INK_HEIGHT + 1 && width <= GlyphRenderer.MAX_INK_WIDTH + 1,
                    v + " ink is " + width + " x " + height);
            assertTrue(height >= GlyphRenderer.INK_HEIGHT || width >= GlyphRenderer.MAX_INK_WIDTH,
                    v + " ink is " + width + " x " + height + "; one side must reach its limit");
            assertEquals(15.5, (top + bottom) / 2.0, 1.0, v + " vertical centre");
            assertEquals(15.5, (left + right) / 2.0, 1.0, v + " horizontal centre");
            assertEquals(-1f, img[0], v + " corner");
        }
    }

    @Test
    void renderingIsDeterministicAndStylesDiffer() {
        assertArrayEquals(GlyphRenderer.render('R', GlyphStyle.SERIF), GlyphRenderer.render('R', GlyphStyle.SERIF));
        assertFalse(Arrays.equals(GlyphRenderer.render('R', GlyphStyle.SERIF),
                GlyphRenderer.render('R', GlyphStyle.SANS)));
        assertFalse(Arrays.equals(GlyphRenderer.render('R', GlyphStyle.SANS),
                GlyphRenderer.render('R', GlyphStyle.SANS_BOLD)));
    }

    @Test
    void refusesCharactersWithoutInk() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GlyphRenderer.render(' ', GlyphStyle.SANS))
                .getMessage().contains("no ink"));
    }

    @Test
    void standardSetIsThirtySixClassesInSixStyles() {
        GlyphSet set = GlyphSet.standard();
        assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", set.characters());
        assertEquals(216, set.variants().size());
        assertEquals(new GlyphVariant('A', GlyphStyle.SANS), set.variants().get(0));
        assertEquals(new GlyphVariant('B', GlyphStyle.SANS), set.variants().get(6));
        assertThrows(IllegalArgumentException.class, () -> GlyphSet.of("AA", List.of(GlyphStyle.SANS)));
        assertThrows(IllegalArgumentException.class, () -> GlyphSet.of("AB", List.of()));
    }
}
