package org.bcistream.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bcistream.decoders.preprocess.PreprocessConfig;
import org.bcistream.decoders.preprocess.PreprocessState;
import org.bcistream.decoders.preprocess.Preprocessor;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.hardware.Modality;
import org.bcistream.hardware.synthetic.SyntheticBlock;
import org.bcistream.hardware.synthetic.SyntheticSubject;
import org.bcistream.hardware.synthetic.SyntheticSubjectConfig;

/**
 * Realistic input for the stateful stages, made once in a benchmark's setup: the synthetic subject's
 * signal as {@link SignalChunk}s, turned into records the way the simulated source does it, so that the
 * measured stage sees blinks, EMG bursts, alpha, mains and class activity instead of zeros.
 *
 * <p>Benchmarks cycle through the chunks. At the wrap the signal jumps once per {@link #SECONDS} seconds
 * (time stamps go back too, which no stage checks): a step the filters handle like an artifact.
 */
final class SyntheticSignal {
    /** Session id stamped on every generated record. */
    static final String SESSION = "bench-1";
    /** Seed of the simulated subject: fixed, so every run feeds the same signal. */
    static final long SEED = 1L;
    /** Seconds of signal to pre-generate per profile. */
    static final double SECONDS = 60.0;

    private SyntheticSignal() {
    }

    /** A built-in EEG profile by id. */
    static DeviceProfile profile(String id) {
        DeviceProfile profile = DeviceProfiles.builtIn().byId(id);
        if (profile.modality() == Modality.INTRACORTICAL) {
            throw new IllegalArgumentException("benchmarks feed voltage chunks; " + id + " delivers spikes");
        }
        return profile;
    }

    /** The subject config of the benchmarks: defaults, {@link #SEED}, and a chunk size (0 = the profile's own). */
    static SyntheticSubjectConfig subjectConfig(int chunkSamples) {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withSeed(SEED);
        return chunkSamples > 0 ? config.withChunkSamples(chunkSamples) : config;
    }

    /**
     * {@link #SECONDS} seconds of raw chunks (all channels of the stream, microvolts) at the profile's default
     * rate, {@code chunkSamples} samples each (0 = the profile's own chunk size).
     */
    static SignalChunk[] rawChunks(DeviceProfile profile, int chunkSamples) {
        return rawSamples(profile, chunkSamples, (long) Math.ceil(SECONDS * profile.defaultRateHz()));
    }

    /** At least {@code samples} samples of raw chunks, whole blocks of the subject. */
    static SignalChunk[] rawSamples(DeviceProfile profile, int chunkSamples, long samples) {
        SyntheticSubject subject = SyntheticSubject.create(profile, subjectConfig(chunkSamples));
        List<SignalChunk> chunks = new ArrayList<>();
        for (long made = 0; made < samples; ) {
            SyntheticBlock block = subject.next();
            chunks.add(new SignalChunk(SESSION, profile.id(), block.channelCount(), subject.sampleRateHz(),
                    block.timestamps(), block.samples(), 0L));
            made += block.sampleCount();
        }
        return chunks.toArray(new SignalChunk[0]);
    }

    /** The raw chunks after the default {@link Preprocessor} (neural channels, CAR, notch, band-pass), in order. */
    static SignalChunk[] preprocessed(DeviceProfile profile, SignalChunk[] raw) {
        Preprocessor preprocessor = new Preprocessor(profile, profile.defaultRateHz(), PreprocessConfig.defaults(profile));
        PreprocessState state = preprocessor.newState();
        SignalChunk[] out = new SignalChunk[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = preprocessor.process(raw[i], state);
        }
        return out;
    }

    /**
     * Concatenates chunks and cuts them again at the given sample boundaries: piece {@code i} holds samples
     * {@code [bounds[i], bounds[i + 1])} of the concatenation.
     */
    static SignalChunk[] recut(SignalChunk[] chunks, long[] bounds) {
        SignalChunk first = chunks[0];
        int channels = first.channelCount();
        long total = 0;
        for (SignalChunk c : chunks) {
            total += c.sampleCount();
        }
        if (bounds[0] < 0 || bounds[bounds.length - 1] > total) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "cut [%d, %d) outside %d samples",
                    bounds[0], bounds[bounds.length - 1], total));
        }
        float[] samples = new float[Math.toIntExact(total * channels)];
        double[] times = new double[Math.toIntExact(total)];
        int at = 0;
        for (SignalChunk c : chunks) {
            c.copySamplesInto(samples, at * channels);
            System.arraycopy(c.timestamps(), 0, times, at, c.sampleCount());
            at += c.sampleCount();
        }
        SignalChunk[] out = new SignalChunk[bounds.length - 1];
        for (int i = 0; i < out.length; i++) {
            int from = Math.toIntExact(bounds[i]);
            int to = Math.toIntExact(bounds[i + 1]);
            float[] piece = new float[(to - from) * channels];
            System.arraycopy(samples, from * channels, piece, 0, piece.length);
            double[] pieceTimes = new double[to - from];
            System.arraycopy(times, from, pieceTimes, 0, pieceTimes.length);
            out[i] = new SignalChunk(first.sessionId(), first.streamId(), channels, first.nominalRateHz(), pieceTimes,
                    piece, first.ingestNanos());
        }
        return out;
    }
}
