package org.bcistream.models.glyph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A set of glyph classes (characters) and the font styles each is rendered in; the variants are every
 * (character, style) pair, characters in the given order, styles within. Immutable.
 */
public final class GlyphSet {
    /** The standard classes: letters A-Z then digits 0-9. */
    public static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final String characters;
    private final List<GlyphStyle> styles;

    private GlyphSet(String characters, List<GlyphStyle> styles) {
        this.characters = characters;
        this.styles = styles;
    }

    /** The 36 standard classes in all six {@link GlyphStyle}s: 216 variants. */
    public static GlyphSet standard() {
        return of(LETTERS_AND_DIGITS, Arrays.asList(GlyphStyle.values()));
    }

    /**
     * A set of the given classes and styles.
     *
     * @throws IllegalArgumentException for no characters or styles, or a repeated one
     */
    public static GlyphSet of(String characters, List<GlyphStyle> styles) {
        if (characters.isEmpty() || styles.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a glyph set needs characters and styles; got %d and %d", characters.length(), styles.size()));
        }
        if (characters.chars().distinct().count() != characters.length()
                || styles.stream().distinct().count() != styles.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "characters and styles must not repeat; got \"%s\" and %s", characters, styles));
        }
        return new GlyphSet(characters, List.copyOf(styles));
    }

    /** The classes, in order. */
    public String characters() {
        return characters;
    }

    /** The styles, in order. */
    public List<GlyphStyle> styles() {
        return styles;
    }

    /** Every (character, style) pair: characters in order, styles within. */
    public List<GlyphVariant> variants() {
        List<GlyphVariant> out = new ArrayList<>(characters.length() * styles.size());
        for (char c : characters.toCharArray()) {
            for (GlyphStyle s : styles) {
                out.add(new GlyphVariant(c, s));
            }
        }
        return out;
    }
}
