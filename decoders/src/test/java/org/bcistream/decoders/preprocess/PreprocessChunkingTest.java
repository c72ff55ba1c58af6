package org.bcistream.decoders.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.bcistream.decoders.dsp.InitialConditions;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.decoders.testing.StateBeans;
import org.bcistream.decoders.testing.TestChunks;
import org.bcistream.decoders.testing.TestChunks.Cut;
import org.bcistream.decoders.testing.TestProfiles;
import org.bcistream.hardware.ChannelSpec;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.Modality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PreprocessChunkingTest {
    private static final double RATE = 250.0;
    private static final int SAMPLES = 1500;
    private static final DeviceProfile PROFILE = TestProfiles.profile("chunky", Modality.EEG, RATE, 0.5, 50.0,
            List.<ChannelSpec>of(TestProfiles.eeg("Fz"), TestProfiles.eeg("M1"), TestProfiles.accelerometer("AccX"),
                    TestProfiles.eeg("Cz"), TestProfiles.eeg("M2")));

    private static float[] preprocess(PreprocessConfig config, Cut cut, long seed) {
        Preprocessor preprocessor = new Preprocessor(PROFILE, RATE, config);
        PreprocessState state = preprocessor.newState();
        float[] raw = TestChunks.signal(SAMPLES, PROFILE.channelCount(), RATE, 7);
        List<SignalChunk> out = new ArrayList<>();
        for (SignalChunk chunk : TestChunks.chunks("s1", PROFILE.channelCount(), RATE, 0.0, raw,
                TestChunks.sizes(SAMPLES, cut, seed))) {
            out.add(preprocessor.process(chunk, state));
        }
        return TestChunks.joinedSamples(out);
    }

    static List<PreprocessConfig> configs() {
        PreprocessConfig defaults = PreprocessConfig.defaults(PROFILE).withInputInCounts(true);
        return List.of(defaults, defaults.withReference(ReferenceMode.linkedMastoids()),
                defaults.withInitialConditions(InitialConditions.STEADY_STATE).withBandPass(0.5, null, 2));
    }

    @ParameterizedTest
    @EnumSource(value = Cut.class, names = {"SINGLE_SAMPLES", "RANDOM"})
    void chunkingDoesNotChangeTheSamples(Cut cut) {
        for (PreprocessConfig config : configs()) {
            float[] whole = preprocess(config, Cut.WHOLE, 0);
            for (long seed = 1; seed <= (cut == Cut.RANDOM ? 3 : 1); seed++) {
                assertArrayEquals(whole, preprocess(config, cut, seed), 1e-5f, config + " seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = InitialConditions.class)
    void aCopiedStateContinuesExactlyLikeTheOriginal(InitialConditions start) {
        Preprocessor preprocessor = new Preprocessor(PROFILE, RATE,
                PreprocessConfig.defaults(PROFILE).withInitialConditions(start));
        float[] raw = TestChunks.signal(SAMPLES, PROFILE.channelCount(), RATE, 11);
        List<SignalChunk> chunks = TestChunks.chunks("s1", PROFILE.channelCount(), RATE, 0.0, raw,
                TestChunks.sizes(SAMPLES, Cut.RANDOM, 5));
        PreprocessState original = preprocessor.newState();
        int half = chunks.size() / 2;
        for (SignalChunk chunk : chunks.subList(0, half)) {
            preprocessor.process(chunk, original);
        }
        PreprocessState copy = StateBeans.copy(original);
        for (SignalChunk chunk : chunks.subList(half, chunks.size())) {
            assertArrayEquals(preprocessor.process(chunk, original).samples(), preprocessor.process(chunk, copy).samples());
        }
    }
}
