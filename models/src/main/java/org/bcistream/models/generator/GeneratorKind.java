package org.bcistream.models.generator;

import java.util.Locale;

/** What a conditional generator produces, and the model bundle kind that holds it. */
public enum GeneratorKind {
    /** 32×32 single-channel glyph images in [−1, 1]. */
    IMAGE("generator-image"),
    /** Log-mel spectrograms of spoken words, generated in chained chunks. */
    SPEECH("generator-speech");

    private final String bundleKind;

    GeneratorKind(String bundleKind) {
        this.bundleKind = bundleKind;
    }

    /** The {@code kind} of its model bundles. */
    public String bundleKind() {
        return bundleKind;
    }

    /** The kind with this bundle kind, or empty. */
    public static java.util.Optional<GeneratorKind> ofBundleKind(String kind) {
        for (GeneratorKind k : values()) {
            if (k.bundleKind.equals(kind)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }

    /** The kind named {@code image} or {@code speech} (any case). */
    public static GeneratorKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown generator kind '" + name + "'; expected image or speech", e);
        }
    }
}
