package org.bcistream.models.audio;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Spoken words bundled as classpath resources: the speech generator's targets. The default bank
 * ({@value #DEFAULT_DIRECTORY}) holds the synthetic subject's ten command words ("yes", "no", "hello",
 * "water", "help", "stop", "go", "up", "down", "more", lower case) and the letters "A" to "Z" spoken by
 * name (upper case), each a 16 kHz mono 16-bit WAV made by {@code models/src/main/python/make_voicebank.py}
 * with espeak-ng (voice en-us, 150 wpm, pitch 50; trimmed and peak-normalised to 0.89; about 0.3-0.6 s).
 *
 * <p><b>Layout:</b> a directory with {@code index.tsv}, one {@code entry<TAB>file} line per entry
 * ({@code #} comments and blank lines skipped), and the WAV files it names, side by side. Loading reads
 * every file and checks it (entries unique, plain file names, all clips at one sample rate); lookups of
 * absent entries fail with the list of entries. Immutable and thread-safe once loaded.
 */
public final class VoiceBank {
    /** Classpath directory of the bundled bank. */
    public static final String DEFAULT_DIRECTORY = "/voicebank/";
    /** Name of the index inside a bank directory. */
    public static final String INDEX = "index.tsv";

    private final Map<String, AudioClip> clips;
    private final int sampleRate;

    private VoiceBank(Map<String, AudioClip> clips, int sampleRate) {
        this.clips = Collections.unmodifiableMap(clips);
        this.sampleRate = sampleRate;
    }

    /** Loads the bundled bank from {@value #DEFAULT_DIRECTORY}. */
    public static VoiceBank load() throws IOException {
        return load(DEFAULT_DIRECTORY);
    }

    /**
     * Loads a bank from a classpath directory.
     *
     * @param directory absolute resource path ending in {@code /}
     * @throws FileNotFoundException if the index or a file it names is missing
     * @throws WavFormatException if a file is not a readable WAV
     * @throws IOException for a malformed index, an empty bank or mixed sample rates
     */
    public static VoiceBank load(String directory) throws IOException {
        if (!directory.startsWith("/") || !directory.endsWith("/")) {
            throw new IllegalArgumentException("resource directory must start and end with '/'; got " + directory);
        }
        Map<String, String> files = readIndex(directory + INDEX);
        Map<String, AudioClip> clips = new LinkedHashMap<>();
        int rate = 0;
        for (Map.Entry<String, String> e : files.entrySet()) {
            String resource = directory + e.getValue();
            AudioClip clip;
            try (InputStream in = VoiceBank.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new FileNotFoundException(String.format(Locale.ROOT,
                            "voice bank entry '%s': resource %s is listed in %s%s but missing",
                            e.getKey(), resource, directory, INDEX));
                }
                clip = Wav.read(in, resource);
            }
            if (rate != 0 && clip.sampleRate() != rate) {
                throw new IOException(String.format(Locale.ROOT, "%s is at %d Hz, earlier entries at %d Hz",
                        resource, clip.sampleRate(), rate));
            }
            rate = clip.sampleRate();
            clips.put(e.getKey(), clip);
        }
        return new VoiceBank(clips, rate);
    }

    /** The entries in index order. */
    public Set<String> entries() {
        return clips.keySet();
    }

    /** Whether {@code entry} is in the bank (case-sensitive). */
    public boolean contains(String entry) {
        return clips.containsKey(entry);
    }

    /**
     * The recording of {@code entry} (case-sensitive: words lower case, letters upper case).
     *
     * @throws IllegalArgumentException if the bank has no such entry; the message lists the entries
     */
    public AudioClip clip(String entry) {
        AudioClip clip = clips.get(entry);
        if (clip == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no entry '%s' in the voice bank; it has %s", entry, clips.keySet()));
        }
        return clip;
    }

    /** The sample rate shared by every clip, in Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    private static Map<String, String> readIndex(String resource) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = VoiceBank.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new FileNotFoundException("voice bank index " + resource + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 2 || fields[0].isBlank() || !isPlainFileName(fields[1])) {
                    throw new IOException(String.format(Locale.ROOT,
                            "%s line %d: expected 'entry<TAB>file.wav' with a plain file name; got '%s'",
                            resource, lineNumber, line));
                }
                if (files.put(fields[0], fields[1]) != null) {
                    throw new IOException(String.format(Locale.ROOT,
                            "%s line %d: entry '%s' appears twice", resource, lineNumber, fields[0]));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException(resource + " lists no entries");
        }
        return files;
    }

    private static boolean isPlainFileName(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
    }
}
