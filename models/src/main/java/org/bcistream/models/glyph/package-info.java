/**
 * Image targets for the image generator: single characters (letters A-Z, digits 0-9) rendered as 32 x 32
 * single-channel {@code float} images in [-1, 1] (background -1, ink +1) by
 * {@link org.bcistream.models.glyph.GlyphRenderer}, in the font styles of
 * {@link org.bcistream.models.glyph.GlyphStyle}; the standard set of (character, style) variants
 * ({@link org.bcistream.models.glyph.GlyphSet}); and the two scores of generated glyphs: a nearest-template
 * {@link org.bcistream.models.glyph.GlyphClassifier} and {@link org.bcistream.models.glyph.Ssim}.
 *
 * <p>Images are row-major, {@code pixel(x, y) = image[y * width + x]}, {@code y} growing downwards.
 *
 * <p><b>Fonts.</b> Glyphs are drawn with Java's logical fonts ({@code SansSerif}, {@code Serif},
 * {@code Monospaced}), so they exist on every JVM, but their shapes come from whatever physical fonts the
 * JVM maps them to (DejaVu Sans, Serif and Sans Mono on the project machines). Targets rendered on another
 * machine may differ slightly; regenerate rather than mix. Rendering needs no display
 * ({@code java.awt.headless=true} is fine; only off-screen images are used).
 */
package org.bcistream.models.glyph;
