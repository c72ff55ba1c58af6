package org.bcistream.streaming.source;

import java.util.ArrayList;
import java.util.List;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.decoders.record.SpikeEvents;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.hardware.Modality;
import org.bcistream.hardware.synthetic.SyntheticBlock;
import org.bcistream.hardware.synthetic.SyntheticCue;
import org.bcistream.hardware.synthetic.SyntheticSubject;
import org.bcistream.hardware.synthetic.SyntheticSubjectConfig;
import org.bcistream.hardware.synthetic.SyntheticSubjectState;
import org.bcistream.streaming.config.Durations;

/**
 * One simulated session in progress: the synthetic subject of a split, turned into the engine's records
 * and cut at the spec's duration (exactly {@code round(duration * rate)} samples). Not thread-safe; owned by
 * one source reader.
 */
public final class SimulatedSession implements SessionCursor<SyntheticSessionSplit> {
    private final int sessionIndex;
    private final SimulationSpec spec;
    private final String sessionId;
    private final DeviceProfile profile;
    private final SyntheticSubject subject;
    private final double rateHz;
    private final double startTime;
    private final long totalSamples;
    private final int chunkSamples;
    private long nextSample;

    private SimulatedSession(int sessionIndex, SimulationSpec spec, SyntheticSubjectState state) {
        this.sessionIndex = sessionIndex;
        this.spec = spec;
        this.sessionId = SimulationSpec.sessionId(sessionIndex);
        this.profile = DeviceProfiles.builtIn().byId(spec.profileId());
        SyntheticSubjectConfig config = subjectConfig(spec, sessionIndex);
        this.subject = state == null ? SyntheticSubject.create(profile, config) : SyntheticSubject.restore(profile, config, state);
        this.rateHz = config.rateFor(profile);
        this.startTime = config.startTimeSeconds();
        this.totalSamples = Math.round(spec.duration().toNanos() * 1e-9 * rateHz);
        this.chunkSamples = config.chunkSamplesFor(profile);
        this.nextSample = state == null ? 0 : state.sampleIndex();
    }

    /** Starts or resumes the session a split describes. */
    public static SimulatedSession resume(SyntheticSessionSplit split) {
        SimulationSpec spec = SimulationSpec.parse(split.spec());
        SyntheticSubjectState state = split.isFresh() ? null : SyntheticSubjectState.fromBytes(split.simulatorState());
        return new SimulatedSession(split.sessionIndex(), spec, state);
    }

    /**
     * Validates what a spec asks of the simulator before a job is built: a known profile, a valid target
     * set, and a duration of at least one sample.
     */
    public static void checkSpec(SimulationSpec spec) {
        double rate = rateOf(spec);
        if (Math.round(spec.duration().toNanos() * 1e-9 * rate) < 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "sim source: duration %s is shorter than one sample of %s at %s Hz", Durations.format(spec.duration()),
                    spec.profileId(), rate));
        }
    }

    /**
     * The sampling rate a spec's sessions run at, hertz: its {@code rate=}, else the profile's default.
     *
     * @throws IllegalArgumentException for an unknown profile, a bad target set or a rate the profile does not have
     */
    public static double rateOf(SimulationSpec spec) {
        return subjectConfig(spec, 1).rateFor(DeviceProfiles.builtIn().byId(spec.profileId()));
    }

    /** The simulator settings of session {@code index} of a spec. */
    static SyntheticSubjectConfig subjectConfig(SimulationSpec spec, int index) {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults()
                .withSeed(spec.sessionSeed(index))
                .withRunSeed(spec.runSeed(index))
                .withTargets(targets(spec.targets()))
                .withRateHz(spec.rateHz())
                .withChunkSamples(spec.chunkSamples());
        return spec.snrDb() == null ? config : config.withSnrDb(spec.snrDb());
    }

    private static List<String> targets(String name) {
        return switch (name) {
            case "letters" -> SyntheticSubjectConfig.LETTERS;
            case "words" -> SyntheticSubjectConfig.WORDS;
            default -> List.of(name.split("\\+"));
        };
    }

    /** True while the session has samples left to emit. */
    @Override
    public boolean hasNext() {
        return nextSample < totalSamples;
    }

    /** Source time of the next block's first sample, seconds. */
    @Override
    public double nextBlockStart() {
        return startTime + nextSample / rateHz;
    }

    /** Source time just after the next block's last sample, seconds: when it is fully acquired. */
    @Override
    public double nextBlockEnd() {
        return startTime + Math.min(nextSample + chunkSamples, totalSamples) / rateHz;
    }

    /** The session id, {@code sim-<index>}. */
    public String sessionId() {
        return sessionId;
    }

    /**
     * Simulates the next block: its markers (in time order) followed by its signal chunk or spike events.
     *
     * @param ingestNanos local monotonic instant to stamp on the records
     */
    @Override
    public List<SessionEvent> nextBlock(long ingestNanos) {
        SyntheticBlock block = subject.next();
        int keep = (int) Math.min(block.sampleCount(), totalSamples - block.firstSample());
        nextSample = block.firstSample() + block.sampleCount();
        double cutTime = startTime + (block.firstSample() + keep) / rateHz;
        List<SessionEvent> events = new ArrayList<>(block.cues().size() + 1);
        for (SyntheticCue cue : block.cues()) {
            if (cue.sampleIndex() < block.firstSample() + keep) {
                MarkerKind kind = cue.kind() == SyntheticCue.Kind.CUE ? MarkerKind.CUE : MarkerKind.TRIAL_END;
                events.add(SessionEvent.of(new MarkerEvent(sessionId, cue.time(), kind, cue.label())));
            }
        }
        if (profile.modality() == Modality.INTRACORTICAL) {
            events.add(SessionEvent.of(spikes(block, cutTime, ingestNanos)));
        } else {
            events.add(SessionEvent.of(chunk(block, keep, ingestNanos)));
        }
        return events;
    }

    private SignalChunk chunk(SyntheticBlock block, int keep, long ingestNanos) {
        double[] times = block.timestamps();
        float[] samples = block.samples();
        if (keep < block.sampleCount()) {
            times = java.util.Arrays.copyOf(times, keep);
            samples = java.util.Arrays.copyOf(samples, keep * block.channelCount());
        }
        return new SignalChunk(sessionId, profile.id(), block.channelCount(), rateHz, times, samples, ingestNanos);
    }

    private SpikeEvents spikes(SyntheticBlock block, double cutTime, long ingestNanos) {
        int n = 0;
        while (n < block.spikeCount() && block.spikeTime(n) < cutTime) {
            n++;
        }
        int[] units = java.util.Arrays.copyOf(block.spikeUnits(), n);
        double[] times = java.util.Arrays.copyOf(block.spikeTimes(), n);
        double end = Math.min(block.endTime(), cutTime);
        return new SpikeEvents(sessionId, profile.id(), profile.channelCount(), block.startTime(), end, units, times, ingestNanos);
    }

    /** A split that resumes this session exactly where it stands (between two blocks). */
    @Override
    public SyntheticSessionSplit snapshot() {
        return new SyntheticSessionSplit(sessionIndex, spec.toString(), subject.snapshot().toBytes());
    }
}
