package org.bcistream.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bcistream.decoders.features.BandPowerFeatures;
import org.bcistream.decoders.features.BandPowerState;
import org.bcistream.decoders.features.FeatureConfig;
import org.bcistream.decoders.record.FeatureFrame;
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
 * {@link BandPowerFeatures#process} with {@link FeatureConfig#defaults()} (1 s Hann windows every 0.25 s,
 * theta/alpha/beta/gamma log band power, online z-scores) on preprocessed chunks of the synthetic subject.
 *
 * <ul>
 *   <li>{@code chunk}: one chunk of the profile's own size per call; most calls only fill the ring buffer, one in
 *       {@code hop / chunk} also runs the periodograms of every channel and emits a frame. Score = average
 *       cost per chunk.
 *   <li>{@code hop}: exactly one hop's worth of samples per call, cut so that each call ends a window and
 *       emits exactly one frame (checked in setup). Score = cost per emitted frame, ring-buffer writes of the
 *       hop included.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FeatureBenchmark {

    /** The stage fed one chunk of the profile's own size per call. */
    @State(Scope.Thread)
    public static class ChunkFeed {
        @Param({"openbci-cyton", "biosemi-activetwo-64"})
        public String profileId;

        BandPowerFeatures features;
        BandPowerState state;
        SignalChunk[] chunks;
        int next;
        final FrameSink<FeatureFrame> sink = new FrameSink<>();

        @Setup
        public void setUp() {
            DeviceProfile profile = SyntheticSignal.profile(profileId);
            chunks = SyntheticSignal.preprocessed(profile, SyntheticSignal.rawChunks(profile, 0));
            features = new BandPowerFeatures(chunks[0].channelCount(), profile.defaultRateHz(), FeatureConfig.defaults());
            state = features.newState();
            next = 0;
        }
    }

    /** The stage fed one hop per call, each call emitting one frame. */
    @State(Scope.Thread)
    public static class HopFeed {
        @Param({"openbci-cyton", "biosemi-activetwo-64"})
        public String profileId;

        BandPowerFeatures features;
        BandPowerState state;
        SignalChunk[] hops;
        int next;
        final FrameSink<FeatureFrame> sink = new FrameSink<>();

        @Setup
        public void setUp() {
            DeviceProfile profile = SyntheticSignal.profile(profileId);
            FeatureConfig config = FeatureConfig.defaults();
            double rate = profile.defaultRateHz();
            int channels = profile.neuralChannelIndices().length;
            features = new BandPowerFeatures(channels, rate, config);
            state = features.newState();
            // Window k ends at sample e_k = N - 1 + floor(k H + 0.5) (BandPowerFeatures). A cycle of M hops keeps
            // the cut aligned with the stage's windows when M H is whole (M even at 250 Hz, where H = 62.5).
            int hopsPerCycle = wholeHopCycle(features.hopSamples(), (int) Math.ceil(SyntheticSignal.SECONDS / config.hopSeconds()));
            int warmUp = config.warmUpFrames();
            long[] bounds = new long[hopsPerCycle + 2];
            bounds[0] = 0;
            for (int j = 0; j <= hopsPerCycle; j++) {
                bounds[j + 1] = windowEnd(features, warmUp + j) + 1;
            }
            SignalChunk[] raw = SyntheticSignal.rawSamples(profile, 0, bounds[bounds.length - 1]);
            SignalChunk[] pieces = SyntheticSignal.recut(SyntheticSignal.preprocessed(profile, raw), bounds);
            // piece 0 fills the first window and the normaliser's warm-up; it emits window warmUp only.
            features.process(pieces[0], state, sink);
            hops = Arrays.copyOfRange(pieces, 1, pieces.length);
            // Two full cycles here prove that every call of the benchmark emits exactly one frame, across the wrap too.
            for (int cycle = 0; cycle < 2; cycle++) {
                for (SignalChunk hop : hops) {
                    long before = sink.count;
                    features.process(hop, state, sink);
                    if (sink.count != before + 1) {
                        throw new IllegalStateException(String.format(Locale.ROOT,
                                "a hop of %d samples emitted %d frames, not 1 (cycle %d)", hop.sampleCount(),
                                sink.count - before, cycle));
                    }
                }
            }
            next = 0;
        }

        private static long windowEnd(BandPowerFeatures features, long window) {
            return features.windowSamples() - 1 + (long) Math.floor(window * features.hopSamples() + 0.5);
        }

        /** The smallest multiple of the hop period (hops after which the cut repeats) that is at least {@code atLeast}. */
        private static int wholeHopCycle(double hopSamples, int atLeast) {
            for (int period = 1; period <= 10_000; period++) {
                double samples = period * hopSamples;
                if (samples == Math.rint(samples)) {
                    return (atLeast + period - 1) / period * period;
                }
            }
            throw new IllegalStateException("hop of " + hopSamples + " samples never adds up to whole samples");
        }
    }

    @Benchmark
    public FeatureFrame chunk(ChunkFeed feed) {
        SignalChunk in = feed.chunks[feed.next];
        feed.next = feed.next + 1 == feed.chunks.length ? 0 : feed.next + 1;
        feed.features.process(in, feed.state, feed.sink);
        return feed.sink.last;
    }

    @Benchmark
    public FeatureFrame hop(HopFeed feed) {
        SignalChunk in = feed.hops[feed.next];
        feed.next = feed.next + 1 == feed.hops.length ? 0 : feed.next + 1;
        feed.features.process(in, feed.state, feed.sink);
        return feed.sink.last;
    }
}
