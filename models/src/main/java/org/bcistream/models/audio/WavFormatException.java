package org.bcistream.models.audio;

import java.io.IOException;

/**
 * A WAV file is malformed, truncated or in a format this package does not read (only 16-bit integer PCM,
 * mono or stereo). The message starts with the source (file name or resource) and gives the field and
 * the numbers involved.
 *
 * <p>Checked, because a bad file is something a user can fix; programming errors (a {@code null}
 * argument, a non-finite sample) are {@link IllegalArgumentException}s instead.
 */
public final class WavFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file or resource the problem was found in. */
    private final String source;
    /** The problem alone, without the source prefix. */
    private final String problem;

    /**
     * @param source the file or resource
     * @param problem what is wrong, with the numbers
     */
    public WavFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** The file or resource the problem was found in. */
    public String source() {
        return source;
    }

    /** The problem alone, without the {@code source: } prefix. */
    public String problem() {
        return problem;
    }
}
