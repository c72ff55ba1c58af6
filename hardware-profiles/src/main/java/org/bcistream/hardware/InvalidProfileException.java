package org.bcistream.hardware;

/** A device profile (a resource or a user file) breaks the profile schema; the message names the profile and the rule. */
public final class InvalidProfileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String profile, String problem) {
        super("device profile '" + profile + "': " + problem);
    }

    public InvalidProfileException(String profile, String problem, Throwable cause) {
        super("device profile '" + profile + "': " + problem, cause);
    }
}
