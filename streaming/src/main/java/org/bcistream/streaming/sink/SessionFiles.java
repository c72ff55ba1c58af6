package org.bcistream.streaming.sink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Maps session ids, which come from outside (Kafka records, recordings), to safe, distinct file names. */
public final class SessionFiles {
    /** Longest id used as a file name unchanged. */
    static final int MAX_PLAIN_LENGTH = 200;
    /** Characters of an unsafe id kept, sanitised, in front of its hash. */
    static final int MAX_PREFIX_LENGTH = 100;

    private SessionFiles() {}

    /**
     * A directory name for a session. An id of 1 to 200 characters from {@code [A-Za-z0-9._-]} that does not
     * start with a dot is used as it is. Any other id becomes a readable prefix (its first 100 characters,
     * others than those replaced by {@code _}, a leading dot by {@code _.}) followed by {@code ~} and 16 hex
     * digits of its SHA-256. Plain names never contain {@code ~}, so the two kinds never collide, and
     * distinct ids get distinct names (up to a 64-bit hash collision). No name is empty, starts with a dot
     * or contains a path separator.
     */
    public static String directoryName(String sessionId) {
        if (isPlain(sessionId)) {
            return sessionId;
        }
        StringBuilder name = new StringBuilder(MAX_PREFIX_LENGTH + 18);
        if (sessionId.startsWith(".")) {
            name.append('_');
        }
        for (int i = 0; i < sessionId.length() && i < MAX_PREFIX_LENGTH; i++) {
            char c = sessionId.charAt(i);
            name.append(isPlainChar(c) ? c : '_');
        }
        return name.append('~').append(HexFormat.of().formatHex(sha256(sessionId), 0, 8)).toString();
    }

    private static boolean isPlain(String id) {
        if (id.isEmpty() || id.length() > MAX_PLAIN_LENGTH || id.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isPlainChar(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
