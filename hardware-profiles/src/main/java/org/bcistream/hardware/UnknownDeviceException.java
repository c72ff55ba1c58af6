package org.bcistream.hardware;

import java.util.List;

/**
 * No device profile has the requested id. The message lists the closest known ids, which
 * {@link #suggestions()} also returns.
 */
public final class UnknownDeviceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The id that was asked for. */
    private final String requestedId;
    /** Closest known ids, closest first. */
    private final List<String> suggestions;

    /**
     * @param requestedId the id that was asked for
     * @param suggestions closest known ids, closest first (may be empty)
     * @param knownCount how many profiles are known
     */
    public UnknownDeviceException(String requestedId, List<String> suggestions, int knownCount) {
        super(message(requestedId, suggestions, knownCount));
        this.requestedId = requestedId;
        this.suggestions = List.copyOf(suggestions);
    }

    /** The id that was asked for. */
    public String requestedId() {
        return requestedId;
    }

    /** Closest known ids, closest first. */
    public List<String> suggestions() {
        return suggestions;
    }

    private static String message(String requestedId, List<String> suggestions, int knownCount) {
        String closest = suggestions.isEmpty() ? "no profiles are loaded" : "closest known ids: " + String.join(", ", suggestions);
        return "unknown device profile '" + requestedId + "'; " + closest + " (" + knownCount
                + " profiles known; see docs/devices.md or `bcistream profiles list`)";
    }
}
