package org.bcistream.streaming.source;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bcistream.streaming.config.Pacing;

/**
 * A recording replayed as a source, as written on the command line:
 * {@code file:<path>[,stream=<id|name|type>][,profile=<id>][,session=<id>][,pace=max|realtime|<k>x]}.
 *
 * <p>{@code stream} picks the numeric streams to replay by id, name or type (case-insensitive; default:
 * every numeric stream); each picked stream is one session. {@code profile} names the device profile;
 * without it the profile is matched from the stream's metadata, or derived from it when nothing matches.
 * {@code session} names the session when one stream is picked (default: the file name without its
 * extension; with several streams, each stream's name). Paths may not contain commas.
 *
 * @param path the recording
 * @param stream stream selector, or null for every numeric stream
 * @param profileId device profile id, or null to match or derive it
 * @param session session id for a single-stream replay, or null
 * @param pacing replay speed; {@code max} by default
 */
public record ReplaySpec(String path, String stream, String profileId, String session, Pacing pacing) implements Serializable {
    private static final Set<String> KEYS = Set.of("stream", "profile", "session", "pace");

    public ReplaySpec {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("file source: the path is empty; use file:<path>");
        }
        if (pacing == null) {
            throw new IllegalArgumentException("file source: pace is missing");
        }
    }

    /** Parses {@code file:<path>,key=value,...}. */
    public static ReplaySpec parse(String text) {
        if (!text.startsWith("file:")) {
            throw new IllegalArgumentException("'" + text + "' is not a file source; it starts with file:");
        }
        String[] parts = text.substring(5).split(",");
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("file source: '" + parts[i] + "' is not key=value");
            }
            String key = parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("file source: unknown key '" + key + "'; known keys: " + new TreeSet<>(KEYS));
            }
            kv.put(key, parts[i].substring(eq + 1).trim());
        }
        return new ReplaySpec(parts[0].trim(), kv.get("stream"), kv.get("profile"), kv.get("session"),
                kv.containsKey("pace") ? Pacing.parse(kv.get("pace")) : Pacing.MAX);
    }

    /** The recording's path. */
    public Path file() {
        return Path.of(path);
    }

    /** The canonical text form, parseable by {@link #parse(String)}. */
    @Override
    public String toString() {
        return "file:" + path + (stream == null ? "" : ",stream=" + stream) + (profileId == null ? "" : ",profile=" + profileId)
                + (session == null ? "" : ",session=" + session) + ",pace=" + pacing;
    }
}
