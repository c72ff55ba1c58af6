package org.bcistream.hardware;

/**
 * A device profile (a resource, a user file or a profile built in code) breaks the profile schema, or two
 * profiles share an id. The message names the profile (its id, resource or file), and for files the JSON
 * field path with line and column, and what was expected.
 */
public final class InvalidProfileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The profile id, resource name or file path the problem was found in. */
    private final String profile;
    /** The problem alone, without the profile prefix. */
    private final String problem;

    /**
     * @param profile the profile id, resource name or file path
     * @param problem what is wrong, naming the field and the value
     */
    public InvalidProfileException(String profile, String problem) {
        super("device profile '" + profile + "': " + problem);
        this.profile = profile;
        this.problem = problem;
    }

    /**
     * @param profile the profile id, resource name or file path
     * @param problem what is wrong, naming the field and the value
     * @param cause the parser or validation failure behind it
     */
    public InvalidProfileException(String profile, String problem, Throwable cause) {
        super("device profile '" + profile + "': " + problem, cause);
        this.profile = profile;
        this.problem = problem;
    }

    /** The profile id, resource name or file path the problem was found in. */
    public String profile() {
        return profile;
    }

    /** The problem alone, without the {@code device profile '...'} prefix. */
    public String problem() {
        return problem;
    }
}
