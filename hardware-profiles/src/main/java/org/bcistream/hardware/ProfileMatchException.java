package org.bcistream.hardware;

import java.util.List;

/**
 * No single profile describes an LSL stream: none matches, or several different ones match equally. The
 * message says which criterion failed and lists the nearest candidates with their channel counts and
 * rates; {@link #candidates()} returns the ranked candidates.
 */
public final class ProfileMatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The stream that was matched. */
    private final transient LslStreamDescription stream;
    /** Candidates, best first. */
    private final transient List<LslMatch> candidates;

    /**
     * @param stream the stream that was matched
     * @param candidates the ranked candidates
     * @param message why no single profile was chosen
     */
    public ProfileMatchException(LslStreamDescription stream, List<LslMatch> candidates, String message) {
        super(message);
        this.stream = stream;
        this.candidates = List.copyOf(candidates);
    }

    /** The stream that was matched. */
    public LslStreamDescription stream() {
        return stream;
    }

    /** Candidates (profiles matching at least the type or the name), best first. */
    public List<LslMatch> candidates() {
        return candidates;
    }
}
