package org.bcistream.models.glyph;

/**
 * One glyph target: a character in a style.
 *
 * @param character the character (its class label)
 * @param style the font style
 */
public record GlyphVariant(char character, GlyphStyle style) {
    /** Checks that the style is present. */
    public GlyphVariant {
        if (style == null) {
            throw new IllegalArgumentException("style must not be null");
        }
    }

    /** The image, as {@link GlyphRenderer#render(char, GlyphStyle)}. */
    public float[] render() {
        return GlyphRenderer.render(character, style);
    }
}
