package org.bcistream.hardware;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable registry of device profiles, keyed by id: the built-in profiles shipped as JSON resources,
 * profiles read from user files, or both.
 *
 * <pre>{@code
 * DeviceProfile cyton = DeviceProfiles.builtIn().byId("openbci-cyton");
 *
 * DeviceProfiles mine = DeviceProfiles.builtIn().withAdditional(DeviceProfiles.load(Path.of("profiles/")));
 * DeviceProfile amp = mine.lslMatcher().bestMatch(LslStreamDescription.of("obci_eeg1", "EEG", 8));
 * }</pre>
 *
 * <p>Built-in profiles live in {@code org/bcistream/hardware/profiles/<id>.json}; the resource
 * {@value #INDEX_RESOURCE} lists them (one file name per line, {@code #} comments), because a jar cannot be
 * listed reliably. The file format is described in {@code docs/devices.md}. Ids are looked up after
 * trimming and lower-casing. Every registry remembers where each profile came from, so a duplicate id is
 * reported with both sources. Thread-safe: instances are immutable and {@link #builtIn()} loads once.
 */
public final class DeviceProfiles {
    /** Largest profile file accepted, in bytes (1 MiB); larger files are rejected before parsing. */
    public static final int MAX_PROFILE_BYTES = 1 << 20;

    /** Classpath resource listing the built-in profile files. */
    public static final String INDEX_RESOURCE = "org/bcistream/hardware/profiles/index.txt";

    private static final String RESOURCE_DIR = "org/bcistream/hardware/profiles/";
    private static final int SUGGESTIONS = 3;
    private static final Object LOCK = new Object();
    private static volatile DeviceProfiles builtIn;

    /** Profiles by id, sorted by id. */
    private final Map<String, DeviceProfile> profiles;
    /** Where each profile was read from (resource, file or "code"), by id. */
    private final Map<String, String> sources;

    private DeviceProfiles(Map<String, DeviceProfile> profiles, Map<String, String> sources) {
        this.profiles = Collections.unmodifiableMap(new TreeMap<>(profiles));
        this.sources = Map.copyOf(sources);
    }

    /**
     * The profiles shipped with this module, loaded from the classpath on first use and cached.
     *
     * @throws IllegalStateException if a built-in resource is missing or invalid (a packaging bug)
     */
    public static DeviceProfiles builtIn() {
        DeviceProfiles loaded = builtIn;
        if (loaded == null) {
            synchronized (LOCK) {
                loaded = builtIn;
                if (loaded == null) {
                    loaded = loadBuiltIn();
                    builtIn = loaded;
                }
            }
        }
        return loaded;
    }

    /**
     * Reads user profiles: one JSON file, or every {@code *.json} file directly inside a directory (not
     * recursive, in file-name order).
     *
     * @throws IOException if the path does not exist or cannot be read
     * @throws InvalidProfileException if a file is too large, is not a valid profile, two files share an
     *     id, or a directory holds no {@code *.json} file; the message names the file
     */
    public static DeviceProfiles load(Path fileOrDirectory) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrDirectory)) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(fileOrDirectory, "*.json")) {
                for (Path file : dir) {
                    if (Files.isRegularFile(file)) {
                        files.add(file);
                    }
                }
            }
            if (files.isEmpty()) {
                throw new InvalidProfileException(fileOrDirectory.toString(), "directory contains no *.json profile file");
            }
            files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        } else {
            files.add(fileOrDirectory);
        }
        Builder builder = new Builder();
        for (Path file : files) {
            builder.add(readFile(file), file.toString());
        }
        return builder.build();
    }

    /**
     * Parses one profile from JSON text, with the same strict rules as files.
     *
     * @param json the profile document
     * @param sourceName how messages name the document (e.g. a file name or URL)
     * @throws InvalidProfileException if the text is too large or not a valid profile
     */
    public static DeviceProfile parse(String json, String sourceName) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PROFILE_BYTES) {
            throw ProfileJson.tooLarge(sourceName, Integer.toString(bytes.length));
        }
        return ProfileJson.read(bytes, sourceName);
    }

    /**
     * A registry of profiles built in code, e.g. a built-in profile relabelled with
     * {@link DeviceProfile#withNeuralChannelLabels(List)} under a new id.
     *
     * @param sourceName how messages name where these profiles came from
     * @throws InvalidProfileException if two profiles share an id
     */
    public static DeviceProfiles of(String sourceName, List<DeviceProfile> profiles) {
        Builder builder = new Builder();
        for (DeviceProfile p : profiles) {
            builder.add(p, sourceName);
        }
        return builder.build();
    }

    /**
     * This registry plus {@code others}.
     *
     * @throws InvalidProfileException if an id is in both; the message names both sources
     */
    public DeviceProfiles withAdditional(DeviceProfiles others) {
        Builder builder = new Builder();
        profiles.forEach((id, p) -> builder.add(p, sources.get(id)));
        others.profiles.forEach((id, p) -> builder.add(p, others.sources.get(id)));
        return builder.build();
    }

    /**
     * The profile with this id (trimmed, case-insensitive).
     *
     * @throws UnknownDeviceException if there is none; its message lists the closest known ids
     */
    public DeviceProfile byId(String id) {
        return find(id).orElseThrow(() -> new UnknownDeviceException(id, closestIds(id), profiles.size()));
    }

    /** The profile with this id (trimmed, case-insensitive), if any. */
    public Optional<DeviceProfile> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(profiles.get(normalise(id)));
    }

    /** Every profile, sorted by id. */
    public List<DeviceProfile> all() {
        return List.copyOf(profiles.values());
    }

    /** Every id, sorted. */
    public List<String> ids() {
        return List.copyOf(profiles.keySet());
    }

    /** Number of profiles. */
    public int size() {
        return profiles.size();
    }

    /**
     * Where the profile with this id was read from: {@code classpath:<resource>}, a file path, or the
     * source name given to {@link #of(String, List)}.
     *
     * @throws UnknownDeviceException if there is no such profile
     */
    public String sourceOf(String id) {
        return sources.get(byId(id).id());
    }

    /** A matcher of LSL stream descriptions against every profile of this registry. */
    public LslMatcher lslMatcher() {
        return new LslMatcher(all());
    }

    /** Known ids closest to {@code id}: ids containing it first, then by edit distance; at most three. */
    List<String> closestIds(String id) {
        String query = id == null ? "" : normalise(id);
        Map<String, Integer> score = new LinkedHashMap<>();
        for (String known : profiles.keySet()) {
            score.put(known, known.contains(query) && !query.isEmpty() ? 0 : editDistance(query, known));
        }
        return score.keySet().stream()
                .sorted(Comparator.<String>comparingInt(score::get).thenComparingInt(String::length).thenComparing(k -> k))
                .limit(SUGGESTIONS)
                .toList();
    }

    private static String normalise(String id) {
        return id.trim().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance between two strings. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static DeviceProfile readFile(Path file) throws IOException {
        String source = file.toString();
        if (Files.isRegularFile(file) && Files.size(file) > MAX_PROFILE_BYTES) {
            throw ProfileJson.tooLarge(source, Long.toString(Files.size(file)));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ProfileJson.read(in, source);
        }
    }

    private static DeviceProfiles loadBuiltIn() {
        ClassLoader loader = DeviceProfiles.class.getClassLoader();
        Builder builder = new Builder();
        try (InputStream index = loader.getResourceAsStream(INDEX_RESOURCE)) {
            if (index == null) {
                throw new IllegalStateException("built-in profile index " + INDEX_RESOURCE + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String fileName = line.strip();
                if (fileName.isEmpty() || fileName.startsWith("#")) {
                    continue;
                }
                String resource = RESOURCE_DIR + fileName;
                String source = "classpath:" + resource;
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException(INDEX_RESOURCE + " lists " + fileName + ", but " + resource + " is missing");
                    }
                    DeviceProfile profile = ProfileJson.read(in, source);
                    if (!fileName.equals(profile.id() + ".json")) {
                        throw new InvalidProfileException(source, "built-in profile file must be named after its id: "
                                + "id '" + profile.id() + "' is in " + fileName);
                    }
                    builder.add(profile, source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the built-in device profiles failed", e);
        } catch (InvalidProfileException e) {
            throw new IllegalStateException("a built-in device profile is invalid: " + e.getMessage(), e);
        }
        return builder.build();
    }

    /** Collects profiles with their sources and rejects duplicate ids. */
    private static final class Builder {
        private final Map<String, DeviceProfile> profiles = new TreeMap<>();
        private final Map<String, String> sources = new TreeMap<>();

        void add(DeviceProfile profile, String source) {
            String earlier = sources.get(profile.id());
            if (earlier != null) {
                throw new InvalidProfileException(profile.id(), "id is defined twice: in " + earlier + " and in " + source
                        + "; give one of them another id");
            }
            profiles.put(profile.id(), profile);
            sources.put(profile.id(), source);
        }

        DeviceProfiles build() {
            return new DeviceProfiles(profiles, sources);
        }
    }
}
