package org.bcistream.bench;

import java.util.concurrent.TimeUnit;
import org.bcistream.decoders.pipeline.SessionPipeline;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.pipeline.SessionPipelineState;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
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
 * {@link SessionPipeline#process} end to end for one signal chunk of a session (preprocess, band power,
 * online z-scores, frames wrapped as {@link SessionOutput}) with {@link SessionPipelineConfig#defaults}: what
 * the Flink operator calls per record, without Flink. Run with {@code -prof gc} for
 * {@code gc.alloc.rate.norm}, the bytes allocated per chunk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionPipelineBenchmark {
    /** openbci-cyton: 8 channels at 250 Hz, 10-sample chunks; biosemi-activetwo-64: 73 (72 neural) at 512 Hz, 7-sample chunks. */
    @Param({"openbci-cyton", "biosemi-activetwo-64"})
    public String profileId;

    private SessionPipeline pipeline;
    private SessionPipelineState state;
    private SessionEvent[] events;
    private int next;
    private final FrameSink<SessionOutput> sink = new FrameSink<>();

    @Setup
    public void setUp() {
        DeviceProfile profile = SyntheticSignal.profile(profileId);
        pipeline = new SessionPipeline(SessionPipelineConfig.defaults(profile));
        state = pipeline.newState();
        SignalChunk[] chunks = SyntheticSignal.rawChunks(profile, 0);
        events = new SessionEvent[chunks.length];
        for (int i = 0; i < chunks.length; i++) {
            events[i] = SessionEvent.of(chunks[i]);
        }
        next = 0;
    }

    @Benchmark
    public SessionOutput chunk() {
        SessionEvent event = events[next];
        next = next + 1 == events.length ? 0 : next + 1;
        pipeline.process(event, state, sink);
        return sink.last;
    }
}
