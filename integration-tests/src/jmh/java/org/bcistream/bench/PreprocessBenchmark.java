package org.bcistream.bench;

import java.util.concurrent.TimeUnit;
import org.bcistream.decoders.preprocess.PreprocessConfig;
import org.bcistream.decoders.preprocess.PreprocessState;
import org.bcistream.decoders.preprocess.Preprocessor;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.hardware.DeviceProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Preprocessor#process} on one raw chunk of a session (channel map, common-average reference, 50 Hz
 * notch, 1-40 Hz order-4 Butterworth band-pass) with {@link PreprocessConfig#defaults(DeviceProfile)}.
 * Score: time per chunk; divide by the chunk's samples for the per-sample cost (docs/benchmarks.md).
 *
 * <p>The stage keeps its filter memory in one session state for the whole run and is fed
 * {@link SyntheticSignal#SECONDS} seconds of the synthetic subject's signal in a cycle.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PreprocessBenchmark {
    /** openbci-cyton: 8 channels at 250 Hz; biosemi-activetwo-64: 73 channels (72 neural) at 512 Hz. */
    @Param({"openbci-cyton", "biosemi-activetwo-64"})
    public String profileId;

    /** Samples per chunk; 0 = the profile's own chunk size (10 for openbci-cyton, 7 for biosemi-activetwo-64). */
    @Param({"0"})
    public int chunkSamples;

    private Preprocessor preprocessor;
    private PreprocessState state;
    private SignalChunk[] chunks;
    private int next;

    @Setup
    public void setUp() {
        DeviceProfile profile = SyntheticSignal.profile(profileId);
        preprocessor = new Preprocessor(profile, profile.defaultRateHz(), PreprocessConfig.defaults(profile));
        state = preprocessor.newState();
        chunks = SyntheticSignal.rawChunks(profile, chunkSamples);
        next = 0;
    }

    @Benchmark
    public SignalChunk chunk() {
        SignalChunk in = chunks[next];
        next = next + 1 == chunks.length ? 0 : next + 1;
        return preprocessor.process(in, state);
    }
}
