package org.bcistream.hardware.synthetic;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.bcistream.hardware.DeviceProfile;

/**
 * Settings of a {@link SyntheticSubject}: who the subject is (the seed), what it imagines (the target set
 * and the trial timing), how hard its signals are to decode (the signal-to-noise ratio) and what else
 * the recording contains (artifacts, mains, alpha, auxiliary channels).
 *
 * <p>Immutable and validated on construction; every message names the field and carries the rejected
 * value. Start from {@link #defaults()} and change fields with the {@code with...} methods:
 *
 * <pre>{@code
 * SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults()
 *         .withSeed(7)
 *         .withTargets(SyntheticSubjectConfig.WORDS)
 *         .withSnrDb(-5)
 *         .withMainsHz(60);
 * }</pre>
 *
 * <p><b>Trial timing.</b> Trials follow each other without gaps other than the jitter: a trial is
 * {@code restSeconds} of rest, then the cue and {@code imagerySeconds} of imagery, then a pause drawn
 * uniformly from {@code [0, jitterSeconds]}. All three are rounded to whole samples of the device rate
 * (the imagery to at least one sample).
 *
 * <p><b>Difficulty.</b> {@code snrDb} is {@code 10 log10(P_class / P_background)}: the mean power of the
 * target-specific activity over the imagery window, averaged over the neural channels, relative to the
 * mean power of the 1/f background (about 15 microvolts RMS per channel). <b>0 dB</b> means the
 * target-specific oscillations carry as much power during imagery as the ongoing background on an
 * average channel; -20 dB is a hundredth of it. The same number sets the depth of the target-specific
 * alpha/beta desynchronisation and, for intracortical profiles, the depth of the units' tuning (see the
 * package documentation).
 *
 * @param seed the subject: the head model derives from it (and, unless {@code runSeed} differs, everything else)
 * @param targets labels of the targets the subject imagines, at least one, unique and not blank; target
 *     index {@code i} of a cue refers to {@code targets.get(i)}
 * @param restSeconds rest before each cue, seconds, finite and {@code >= 0}
 * @param imagerySeconds imagery after each cue (the trial ends at its end), seconds, finite and {@code > 0}
 * @param jitterSeconds upper bound of the uniform extra pause after each trial, seconds, finite and
 *     {@code >= 0}
 * @param snrDb class-signal power relative to the background power, decibels, finite
 * @param blinksPerMinute mean rate of eye blinks (a Poisson process), finite and {@code >= 0}
 * @param emgBurstsPerMinute mean rate of muscle (EMG) bursts (a Poisson process), finite and {@code >= 0}
 * @param mainsHz mains frequency, 50 or 60 hertz
 * @param lineNoiseUv peak amplitude of the mains interference on an average channel, microvolts, finite
 *     and {@code >= 0} (0 switches it off)
 * @param alphaUv RMS amplitude of the posterior alpha rhythm on the most posterior channels, microvolts,
 *     finite and {@code >= 0}; the sensorimotor mu and beta rhythms scale with it (0 switches all three off)
 * @param chunkSamples samples per block, {@code > 0}, or {@code null} for the profile's default (see
 *     {@link #chunkSamplesFor(DeviceProfile)})
 * @param startTimeSeconds source-clock time stamp of the first sample, seconds, finite
 * @param auxSignals whether auxiliary channels carry plausible values (accelerometer, counter, trigger,
 *     ...) rather than zeros
 * @param runSeed the recording: the trial sequence and every noise stream derive from it, while the head
 *     model (spatial patterns, frequencies, tuning) derives from {@code seed}; equal to {@code seed} unless set,
 *     so another run seed is another recording of the same subject
 * @param rateHz the sampling rate, hertz, one of the profile's rates, or {@code null} for the profile's default
 *     (see {@link #rateFor(DeviceProfile)})
 */
public record SyntheticSubjectConfig(
        long seed,
        List<String> targets,
        double restSeconds,
        double imagerySeconds,
        double jitterSeconds,
        double snrDb,
        double blinksPerMinute,
        double emgBurstsPerMinute,
        double mainsHz,
        double lineNoiseUv,
        double alphaUv,
        Integer chunkSamples,
        double startTimeSeconds,
        boolean auxSignals,
        long runSeed,
        Double rateHz) {

    /** Ten letters, {@code A} to {@code J}: the default target set (a spelling paradigm). */
    public static final List<String> LETTERS = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J");

    /** Ten short command words for a speech paradigm. */
    public static final List<String> WORDS =
            List.of("yes", "no", "hello", "water", "help", "stop", "go", "up", "down", "more");

    /** Seed of {@link #defaults()}. */
    public static final long DEFAULT_SEED = 20_260_101L;

    /** Checks every field as documented above and copies the target list. */
    public SyntheticSubjectConfig {
        Objects.requireNonNull(targets, "targets");
        targets = List.copyOf(targets);
        require(!targets.isEmpty(), "targets is empty: at least one target label is needed");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String label = targets.get(i);
            require(!label.isBlank(), "target %d of %d is blank", i, targets.size());
            require(seen.add(label), "target label '%s' appears more than once in %s", label, targets);
        }
        require(finiteAtLeast(restSeconds, 0), "restSeconds must be a finite number >= 0, got %s", restSeconds);
        require(Double.isFinite(imagerySeconds) && imagerySeconds > 0,
                "imagerySeconds must be a finite number > 0, got %s", imagerySeconds);
        require(finiteAtLeast(jitterSeconds, 0), "jitterSeconds must be a finite number >= 0, got %s", jitterSeconds);
        require(Double.isFinite(snrDb), "snrDb must be a finite number of decibels, got %s", snrDb);
        require(finiteAtLeast(blinksPerMinute, 0),
                "blinksPerMinute must be a finite number >= 0, got %s", blinksPerMinute);
        require(finiteAtLeast(emgBurstsPerMinute, 0),
                "emgBurstsPerMinute must be a finite number >= 0, got %s", emgBurstsPerMinute);
        require(mainsHz == 50.0 || mainsHz == 60.0, "mainsHz must be 50 or 60, got %s", mainsHz);
        require(finiteAtLeast(lineNoiseUv, 0), "lineNoiseUv must be a finite number >= 0, got %s", lineNoiseUv);
        require(finiteAtLeast(alphaUv, 0), "alphaUv must be a finite number >= 0, got %s", alphaUv);
        require(chunkSamples == null || chunkSamples > 0,
                "chunkSamples must be > 0 (or null for the profile's default), got %s", chunkSamples);
        require(rateHz == null || (Double.isFinite(rateHz) && rateHz > 0), "rateHz must be a finite number > 0 (or null for the "
                + "profile's default), got %s", rateHz);
        require(Double.isFinite(startTimeSeconds),
                "startTimeSeconds must be a finite number, got %s", startTimeSeconds);
    }

    /**
     * Default settings: seed {@link #DEFAULT_SEED}, the {@link #LETTERS} targets, 2 s rest, 4 s imagery,
     * up to 1 s jitter, -10 dB (a nearest-class-mean classifier on log band powers of 8 channels
     * decodes most trials), 12 blinks and 2 EMG bursts per minute, 50 Hz mains at 5 microvolts, 10
     * microvolts of alpha, the profile's chunk size, start time 0 and plausible auxiliary channels.
     */
    public static SyntheticSubjectConfig defaults() {
        return new SyntheticSubjectConfig(DEFAULT_SEED, LETTERS, 2.0, 4.0, 1.0, -10.0, 12.0, 2.0, 50.0, 5.0, 10.0,
                null, 0.0, true, DEFAULT_SEED, null);
    }

    /**
     * Samples per block for this profile: {@link #chunkSamples()} when set, else the profile's
     * {@link DeviceProfile#expectedChunkSamples()}, else {@code max(1, round(rate / 25))} (40 ms) at
     * {@link #rateFor(DeviceProfile)}.
     */
    public int chunkSamplesFor(DeviceProfile profile) {
        if (chunkSamples != null) {
            return chunkSamples;
        }
        if (profile.expectedChunkSamples() != null) {
            return profile.expectedChunkSamples();
        }
        return (int) Math.max(1, Math.round(rateFor(profile) / 25.0));
    }

    /**
     * The sampling rate for this profile: {@link #rateHz()} when set, else the profile's default.
     *
     * @throws IllegalArgumentException if the set rate is not one of the profile's rates, naming them
     */
    public double rateFor(DeviceProfile profile) {
        if (rateHz == null) {
            return profile.defaultRateHz();
        }
        require(profile.samplingRatesHz().contains(rateHz), "profile %s runs at %s Hz, not at %s Hz", profile.id(),
                profile.samplingRatesHz(), rateHz);
        return rateHz;
    }

    /** A copy at another sampling rate, hertz (one of the profile's), or {@code null} for the profile's default. */
    public SyntheticSubjectConfig withRateHz(Double value) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, lineNoiseUv, alphaUv, chunkSamples, startTimeSeconds,
                auxSignals, runSeed, value);
    }

    /** A copy with another seed (another subject, and its own recording: the run seed becomes the same). */
    public SyntheticSubjectConfig withSeed(long value) {
        return new SyntheticSubjectConfig(value, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, lineNoiseUv, alphaUv, chunkSamples, startTimeSeconds,
                auxSignals, value, rateHz);
    }

    /** A copy with another run seed: another recording (trials, noise) of the same subject (head model). */
    public SyntheticSubjectConfig withRunSeed(long value) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, lineNoiseUv, alphaUv, chunkSamples, startTimeSeconds,
                auxSignals, value, rateHz);
    }

    /** A copy with another target set, e.g. {@link #LETTERS} or {@link #WORDS}. */
    public SyntheticSubjectConfig withTargets(List<String> value) {
        return new SyntheticSubjectConfig(seed, value, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, lineNoiseUv, alphaUv, chunkSamples, startTimeSeconds,
                auxSignals, runSeed, rateHz);
    }

    /** A copy with other trial timing, all in seconds. */
    public SyntheticSubjectConfig withTiming(double rest, double imagery, double jitter) {
        return new SyntheticSubjectConfig(seed, targets, rest, imagery, jitter, snrDb, blinksPerMinute,
                emgBurstsPerMinute, mainsHz, lineNoiseUv, alphaUv, chunkSamples, startTimeSeconds, auxSignals, runSeed, rateHz);
    }

    /** A copy with another difficulty, decibels. */
    public SyntheticSubjectConfig withSnrDb(double value) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, value,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, lineNoiseUv, alphaUv, chunkSamples, startTimeSeconds,
                auxSignals, runSeed, rateHz);
    }

    /** A copy with other artifact rates, events per minute. */
    public SyntheticSubjectConfig withArtifacts(double blinks, double emgBursts) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb, blinks,
                emgBursts, mainsHz, lineNoiseUv, alphaUv, chunkSamples, startTimeSeconds, auxSignals, runSeed, rateHz);
    }

    /** A copy with another mains frequency, 50 or 60 hertz. */
    public SyntheticSubjectConfig withMainsHz(double value) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, value, lineNoiseUv, alphaUv, chunkSamples, startTimeSeconds,
                auxSignals, runSeed, rateHz);
    }

    /** A copy with another mains interference amplitude, microvolts (0 switches it off). */
    public SyntheticSubjectConfig withLineNoiseUv(double value) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, value, alphaUv, chunkSamples, startTimeSeconds,
                auxSignals, runSeed, rateHz);
    }

    /** A copy with another alpha amplitude, microvolts RMS (0 switches the rhythms off). */
    public SyntheticSubjectConfig withAlphaUv(double value) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, lineNoiseUv, value, chunkSamples, startTimeSeconds,
                auxSignals, runSeed, rateHz);
    }

    /** A copy with another block size in samples, or {@code null} for the profile's default. */
    public SyntheticSubjectConfig withChunkSamples(Integer value) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, lineNoiseUv, alphaUv, value, startTimeSeconds,
                auxSignals, runSeed, rateHz);
    }

    /** A copy whose first sample carries another source-clock time stamp, seconds. */
    public SyntheticSubjectConfig withStartTimeSeconds(double value) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, lineNoiseUv, alphaUv, chunkSamples, value, auxSignals, runSeed, rateHz);
    }

    /** A copy whose auxiliary channels carry plausible values ({@code true}) or zeros. */
    public SyntheticSubjectConfig withAuxSignals(boolean value) {
        return new SyntheticSubjectConfig(seed, targets, restSeconds, imagerySeconds, jitterSeconds, snrDb,
                blinksPerMinute, emgBurstsPerMinute, mainsHz, lineNoiseUv, alphaUv, chunkSamples, startTimeSeconds,
                value, runSeed, rateHz);
    }

    private static boolean finiteAtLeast(double value, double min) {
        return Double.isFinite(value) && value >= min;
    }

    private static void require(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(
                    "synthetic subject config: " + String.format(Locale.ROOT, format, args));
        }
    }
}
