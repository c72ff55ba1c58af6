package org.bcistream.hardware.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bcistream.hardware.ChannelSpec;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.Modality;

/**
 * A simulated, labelled subject wearing a device: it imagines a seeded, balanced sequence of targets and
 * produces the signals a real subject would on that device, block by block, with the trial markers that
 * say which target was imagined when. EEG and synthetic profiles yield voltage samples on all channels;
 * intracortical profiles yield spike times per unit (one unit per neural channel). The signal model is
 * described in the {@linkplain org.bcistream.hardware.synthetic package documentation}.
 *
 * <pre>{@code
 * SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withSeed(7);
 * SyntheticSubject subject = SyntheticSubject.create(profile, config);
 * SyntheticBlock block = subject.next();              // chunkSamples() samples, the cues inside them
 * byte[] checkpoint = subject.snapshot().toBytes();
 * SyntheticSubject resumed = SyntheticSubject.restore(profile, config, SyntheticSubjectState.fromBytes(checkpoint));
 * // resumed.next() equals subject.next(), bit for bit
 * }</pre>
 *
 * <p>The device runs at {@link SyntheticSubjectConfig#rateFor(DeviceProfile)} (the profile's default rate unless set); sample {@code n}
 * carries the time stamp {@code startTimeSeconds + n / rate}, computed from {@code n} (no accumulated
 * drift). Output depends only on the profile, the config and the number of blocks taken: the same seed
 * gives the same blocks, bit for bit, on the same JVM (results across JVM vendors can differ in the last
 * bit because commons-rng's Gaussian sampler uses {@link Math#exp}); everything this package computes
 * itself uses {@link StrictMath}.
 *
 * <p>Not thread-safe: one thread calls {@link #next()} and {@link #snapshot()}. Per block it allocates the
 * block's own arrays only; the per-sample work allocates nothing.
 */
public final class SyntheticSubject {
    private final DeviceProfile profile;
    private final SyntheticSubjectConfig config;
    private final double rate;
    private final int chunkSamples;
    private final long fingerprint;
    private final TrialSchedule schedule;
    private final SignalGenerator generator;
    private final BlockBuffers buffers;
    private long sampleIndex;

    private SyntheticSubject(DeviceProfile profile, SyntheticSubjectConfig config, boolean warmUp) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.config = Objects.requireNonNull(config, "config");
        this.rate = config.rateFor(profile);
        this.chunkSamples = config.chunkSamplesFor(profile);
        long maxSamples = Integer.MAX_VALUE / profile.channelCount();
        if (chunkSamples > maxSamples) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "synthetic subject: %d samples x %d channels of profile %s do not fit one block (at most %d"
                            + " samples)", chunkSamples, profile.channelCount(), profile.id(), maxSamples));
        }
        this.fingerprint = fingerprint(profile, config, chunkSamples);
        boolean spikes = profile.modality() == Modality.INTRACORTICAL;
        this.schedule = new TrialSchedule(config, rate, spikes ? 0 : EegGenerator.CLASS_SOURCES);
        long imagerySamples = schedule.imagerySamples();
        this.generator = spikes
                ? new SpikeGenerator(profile, config, rate)
                : new EegGenerator(profile, config, rate, imagerySamples, warmUp);
        this.buffers = new BlockBuffers(profile.channelCount(), spikes ? 0 : chunkSamples);
    }

    /** A subject at its first sample (the background and rhythms already in their steady state). */
    public static SyntheticSubject create(DeviceProfile profile, SyntheticSubjectConfig config) {
        return new SyntheticSubject(profile, config, true);
    }

    /**
     * The subject captured by {@link #snapshot()}, given the same profile and config it ran with: its next
     * block is the one the captured subject would have produced next, bit for bit. The head model is
     * re-derived from the config's seed.
     *
     * @throws IllegalArgumentException when the state was captured with another profile or config, or does
     *     not fit this generator
     */
    public static SyntheticSubject restore(DeviceProfile profile, SyntheticSubjectConfig config,
            SyntheticSubjectState state) {
        Objects.requireNonNull(state, "state");
        SyntheticSubject subject = new SyntheticSubject(profile, config, false);
        if (state.fingerprint() != subject.fingerprint) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "synthetic subject state was captured with another profile or config (fingerprint %016x, this"
                            + " profile %s with seed %d has %016x)",
                    state.fingerprint(), profile.id(), config.seed(), subject.fingerprint));
        }
        StateReader in = new StateReader(state, "profile " + profile.id() + " with seed " + config.seed());
        subject.schedule.load(in);
        subject.generator.load(in);
        in.finish();
        subject.sampleIndex = state.sampleIndex();
        return subject;
    }

    /** The next {@link #chunkSamples()} sample periods: samples or spikes, and the cues that fall in them. */
    public SyntheticBlock next() {
        long first = sampleIndex;
        long end = first + chunkSamples;
        buffers.reset(first);
        List<SyntheticCue> cues = new ArrayList<>(2);
        long position = first;
        while (position < end) {
            while (schedule.nextEventSample() == position) {
                schedule.fire(cues);
            }
            long segmentEnd = Math.min(schedule.nextEventSample(), end);
            generator.generate(position, segmentEnd, schedule, buffers);
            position = segmentEnd;
        }
        double[] timestamps = new double[generator.producesSamples() ? chunkSamples : 0];
        for (int i = 0; i < timestamps.length; i++) {
            timestamps[i] = timeOf(first + i);
        }
        sampleIndex = end;
        return new SyntheticBlock(first, chunkSamples, timeOf(first), timeOf(end), profile.channelCount(),
                timestamps, buffers.samples, Arrays.copyOf(buffers.spikeUnits, buffers.spikeCount),
                Arrays.copyOf(buffers.spikeTimes, buffers.spikeCount), cues);
    }

    /** The complete generator state between blocks; {@link #restore} continues from it. */
    public SyntheticSubjectState snapshot() {
        StateWriter out = new StateWriter();
        schedule.save(out);
        generator.save(out);
        return out.finish(fingerprint, sampleIndex);
    }

    /** Source-clock time stamp of sample {@code n}: {@code startTimeSeconds + n / rate}, seconds. */
    public double timeOf(long n) {
        return config.startTimeSeconds() + n / rate;
    }

    /** Index of the first sample of the next block. */
    public long nextSampleIndex() {
        return sampleIndex;
    }

    /** The device profile. */
    public DeviceProfile profile() {
        return profile;
    }

    /** The configuration. */
    public SyntheticSubjectConfig config() {
        return config;
    }

    /** Nominal sampling rate, hertz: the configured rate, else the profile's default. */
    public double sampleRateHz() {
        return rate;
    }

    /** Sample periods per block. */
    public int chunkSamples() {
        return chunkSamples;
    }

    /** True for intracortical profiles (blocks carry spikes), false for EEG (blocks carry samples). */
    public boolean producesSpikes() {
        return !generator.producesSamples();
    }

    /**
     * Ground truth for intracortical profiles: each channel's firing rate at rest, hertz, indexed by stream
     * channel (0 for non-neural channels).
     *
     * @throws IllegalStateException for EEG profiles
     */
    public double[] baselineRatesHz() {
        return spikeGenerator().baselineRatesHz();
    }

    /**
     * Ground truth for intracortical profiles: each channel's firing rate while {@code target} is imagined,
     * hertz, indexed by stream channel (0 for non-neural channels).
     *
     * @throws IllegalStateException for EEG profiles
     */
    public double[] imageryRatesHz(int target) {
        Objects.checkIndex(target, config.targets().size());
        return spikeGenerator().imageryRatesHz(target);
    }

    private SpikeGenerator spikeGenerator() {
        if (generator instanceof SpikeGenerator spikes) {
            return spikes;
        }
        throw new IllegalStateException("profile " + profile.id() + " is " + profile.modality()
                + ": firing rates exist only for intracortical profiles");
    }

    /** FNV-1a 64 of everything the output depends on: profile id, channels, rate, config, chunk size. */
    private static long fingerprint(DeviceProfile profile, SyntheticSubjectConfig config, int chunk) {
        StringBuilder text = new StringBuilder(profile.id()).append('|').append(profile.modality());
        for (ChannelSpec c : profile.channels()) {
            text.append('|').append(c.label()).append(':').append(c.type());
        }
        text.append('|').append(config.rateFor(profile)).append('|').append(chunk).append('|').append(config);
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.toString().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }
}
