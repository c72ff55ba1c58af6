package org.bcistream.streaming.source;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bcistream.streaming.config.Durations;
import org.bcistream.streaming.config.Pacing;

/**
 * A synthetic-subject source as written on the command line:
 * {@code sim:profile=openbci-cyton,seed=1,duration=30s,sessions=4,snr=0,targets=letters,pace=max,run=2,rate=250,chunk=10}.
 *
 * <p>Every key is optional; the defaults are those of {@link #DEFAULT}. Session {@code i} (from 1) is named
 * {@code sim-i} and simulated with its own seed derived from {@code seed} and {@code i}, so sessions differ
 * but the whole run is reproducible from the one recorded seed.
 *
 * @param profileId device profile to simulate
 * @param seed master seed
 * @param duration simulated time per session
 * @param sessions number of concurrent sessions
 * @param snrDb class-signal to background ratio, decibels; {@code null} for the simulator's default
 * @param targets target set name ({@code letters}, {@code words}) or labels separated by {@code +}
 * @param pacing replay speed
 * @param run the recording of each session's subject, or null for the recording the seed gives: another run
 *     is another recording (trials, noise) of the same subjects (head models), for held-out data
 * @param rateHz the sampling rate, hertz (one of the profile's), or null for the profile's default
 * @param chunkSamples samples per chunk, or null for the profile's usual chunk
 */
public record SimulationSpec(
        String profileId, long seed, Duration duration, int sessions, Double snrDb, String targets, Pacing pacing, Long run,
        Double rateHz, Integer chunkSamples) implements Serializable {

    /** The spec of a bare {@code sim:}: one 30 s OpenBCI Cyton session, seed 1, letters, as fast as possible. */
    public static final SimulationSpec DEFAULT =
            new SimulationSpec("openbci-cyton", 1L, Duration.ofSeconds(30), 1, null, "letters", Pacing.MAX, null, null, null);

    private static final Set<String> KEYS = Set.of("profile", "seed", "duration", "sessions", "snr", "targets", "pace", "run", "rate", "chunk");

    public SimulationSpec {
        if (profileId == null || profileId.isBlank()) {
            throw new IllegalArgumentException("sim source: profile is empty");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("sim source: duration must be > 0, got " + duration);
        }
        if (sessions < 1 || sessions > 10_000) {
            throw new IllegalArgumentException("sim source: sessions must be in 1..10000, got " + sessions);
        }
        if (snrDb != null && !Double.isFinite(snrDb)) {
            throw new IllegalArgumentException("sim source: snr must be a finite number of dB, got " + snrDb);
        }
        if (targets == null || targets.isBlank()) {
            throw new IllegalArgumentException("sim source: targets is empty");
        }
        if (pacing == null) {
            throw new IllegalArgumentException("sim source: pace is missing");
        }
        if (rateHz != null && !(rateHz > 0 && Double.isFinite(rateHz))) {
            throw new IllegalArgumentException("sim source: rate must be a positive number of Hz, got " + rateHz);
        }
        if (chunkSamples != null && chunkSamples < 1) {
            throw new IllegalArgumentException("sim source: chunk must be >= 1 sample, got " + chunkSamples);
        }
    }

    /**
     * Parses {@code sim:key=value,...}.
     *
     * @throws IllegalArgumentException naming the bad key or value and the accepted keys
     */
    public static SimulationSpec parse(String text) {
        if (!text.startsWith("sim:") && !text.equals("sim")) {
            throw new IllegalArgumentException("'" + text + "' is not a sim source; it starts with sim:");
        }
        Map<String, String> kv = new LinkedHashMap<>();
        String body = text.equals("sim") ? "" : text.substring(4);
        for (String part : body.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("sim source: '" + part + "' is not key=value");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("sim source: unknown key '" + key + "'; known keys: " + new java.util.TreeSet<>(KEYS));
            }
            kv.put(key, part.substring(eq + 1).trim());
        }
        SimulationSpec d = DEFAULT;
        try {
            return new SimulationSpec(
                    kv.getOrDefault("profile", d.profileId()),
                    kv.containsKey("seed") ? Long.parseLong(kv.get("seed")) : d.seed(),
                    kv.containsKey("duration") ? Durations.parse(kv.get("duration")) : d.duration(),
                    kv.containsKey("sessions") ? Integer.parseInt(kv.get("sessions")) : d.sessions(),
                    kv.containsKey("snr") ? Double.valueOf(kv.get("snr").replaceFirst("(?i)db$", "")) : d.snrDb(),
                    kv.getOrDefault("targets", d.targets()),
                    kv.containsKey("pace") ? Pacing.parse(kv.get("pace")) : d.pacing(),
                    kv.containsKey("run") ? Long.valueOf(kv.get("run")) : d.run(),
                    kv.containsKey("rate") ? Double.valueOf(kv.get("rate").replaceFirst("(?i)hz$", "")) : d.rateHz(),
                    kv.containsKey("chunk") ? Integer.valueOf(kv.get("chunk")) : d.chunkSamples());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sim source: " + e.getMessage() + " in '" + text + "'", e);
        }
    }

    /** Session id of session {@code index} (1-based). */
    public static String sessionId(int index) {
        return "sim-" + index;
    }

    /** The seed of session {@code index} (1-based): a SplitMix64 mix of the master seed and the index. */
    public long sessionSeed(int index) {
        long z = seed + 0x9E3779B97F4A7C15L * index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The run seed of session {@code index} (1-based): its subject's seed without {@code run}, else a mix of both. */
    public long runSeed(int index) {
        if (run == null) {
            return sessionSeed(index);
        }
        long z = sessionSeed(index) ^ (0xD1B54A32D192ED03L * (run + 1));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The canonical text form, parseable by {@link #parse(String)}. */
    @Override
    public String toString() {
        return "sim:profile=" + profileId + ",seed=" + seed + ",duration=" + Durations.format(duration) + ",sessions="
                + sessions + (snrDb == null ? "" : ",snr=" + snrDb) + ",targets=" + targets + ",pace=" + pacing
                + (run == null ? "" : ",run=" + run) + (rateHz == null ? "" : ",rate=" + rateHz)
                + (chunkSamples == null ? "" : ",chunk=" + chunkSamples);
    }
}
