package org.bcistream.streaming.sink;

/** Maps session ids, which come from outside (Kafka records, recordings), to safe file names. */
public final class SessionFiles {
    private SessionFiles() {}

    /**
     * A directory name for a session: characters other than letters, digits, {@code . _ -} become
     * {@code _}, and names that would escape or hide ({@code .}, {@code ..}, leading dot) are prefixed with
     * {@code _}. Distinct ids can map to one name only if they differ in replaced characters alone.
     */
    public static String directoryName(String sessionId) {
        StringBuilder name = new StringBuilder(sessionId.length());
        for (int i = 0; i < sessionId.length() && name.length() < 200; i++) {
            char c = sessionId.charAt(i);
            name.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-' ? c : '_');
        }
        return name.length() == 0 || name.charAt(0) == '.' ? "_" + name : name.toString();
    }
}
