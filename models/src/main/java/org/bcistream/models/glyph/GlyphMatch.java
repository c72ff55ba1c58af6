package org.bcistream.models.glyph;

/**
 * The template closest to an image.
 *
 * @param character the class of the best template
 * @param style the style of the best template
 * @param correlation its normalised cross-correlation with the image, in [-1, 1]
 */
public record GlyphMatch(char character, GlyphStyle style, double correlation) {}
