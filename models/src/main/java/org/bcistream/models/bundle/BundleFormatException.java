package org.bcistream.models.bundle;

import java.io.IOException;

/**
 * A model bundle, a safetensors file or a {@code .npy} file is malformed, hostile, too large, from a
 * newer format, or does not hold what the caller requires. The message starts with the file (for a zip
 * entry {@code bundle.zip!/weights.safetensors}) and says what was wrong with the numbers involved: the
 * tensor or field, the expected and the found value.
 *
 * <p>Checked, because a bad file is something a user can fix; programming errors (a {@code null} argument,
 * a tensor whose data does not fit its shape) are {@link IllegalArgumentException}s instead.
 */
public final class BundleFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file, zip entry or in-memory source the problem was found in. */
    private final String source;
    /** The problem alone, without the source prefix. */
    private final String problem;

    /**
     * @param source the file, zip entry or in-memory source
     * @param problem what is wrong, with the numbers
     */
    public BundleFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /**
     * @param source the file, zip entry or in-memory source
     * @param problem what is wrong, with the numbers
     * @param cause the parser failure behind it
     */
    public BundleFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file, zip entry or in-memory source the problem was found in. */
    public String source() {
        return source;
    }

    /** The problem alone, without the {@code source: } prefix. */
    public String problem() {
        return problem;
    }
}
