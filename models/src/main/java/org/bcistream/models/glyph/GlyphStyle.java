package org.bcistream.models.glyph;

import java.awt.Font;

/**
 * A font style for glyph targets: one of Java's logical font families, plain or bold. Logical families
 * exist on every JVM; the physical font behind each depends on the machine (see the package comment).
 */
public enum GlyphStyle {
    /** {@code SansSerif}, plain. */
    SANS("SansSerif", Font.PLAIN),
    /** {@code SansSerif}, bold. */
    SANS_BOLD("SansSerif", Font.BOLD),
    /** {@code Serif}, plain. */
    SERIF("Serif", Font.PLAIN),
    /** {@code Serif}, bold. */
    SERIF_BOLD("Serif", Font.BOLD),
    /** {@code Monospaced}, plain. */
    MONO("Monospaced", Font.PLAIN),
    /** {@code Monospaced}, bold. */
    MONO_BOLD("Monospaced", Font.BOLD);

    private final String family;
    private final int awtStyle;

    GlyphStyle(String family, int awtStyle) {
        this.family = family;
        this.awtStyle = awtStyle;
    }

    /** The logical font family name. */
    public String family() {
        return family;
    }

    /** The font at {@code points} points. */
    Font font(float points) {
        return new Font(family, awtStyle, 1).deriveFont(points);
    }
}
