package org.bcistream.models.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The pretrained demo bundles that ship in the jar (from {@code models/pretrained/}): an iP-VAE and an image and a
 * speech generator conditioned on its latents of the synthetic subject's cued trials (subject seed {@link #SUBJECT_SEED}).
 */
public final class PretrainedBundles {
    /** The iP-VAE (32 band-power features, 32 latents). */
    public static final String IPVAE = "ipvae-demo.zip";
    /** The glyph generator (letters A-J). */
    public static final String IMAGE = "generator-image.zip";
    /** The word generator (ten command words). */
    public static final String SPEECH = "generator-speech.zip";
    /** The synthetic subject (head model seed) the bundles were trained on. */
    public static final long SUBJECT_SEED = 5;

    private PretrainedBundles() {}

    /** Every bundle name. */
    public static List<String> names() {
        return List.of(IPVAE, IMAGE, SPEECH);
    }

    /**
     * Copies the named bundle out of the jar into {@code directory} and returns its path.
     *
     * @throws IOException if the jar has no such bundle (it was built without {@code models/pretrained}) or the copy fails
     */
    public static Path extract(String name, Path directory) throws IOException {
        try (InputStream in = PretrainedBundles.class.getResourceAsStream("/pretrained/" + name)) {
            if (in == null) {
                throw new IOException("the pretrained bundle " + name + " is not in this build; build from a clone that has models/pretrained/"
                        + name);
            }
            Files.createDirectories(directory);
            Path file = directory.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
