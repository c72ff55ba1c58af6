package org.bcistream.decoders.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bcistream.decoders.preprocess.ChannelMismatchException;
import org.bcistream.decoders.preprocess.SampleRateMismatchException;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.decoders.testing.CsvTable;
import org.bcistream.decoders.testing.StateBeans;
import org.bcistream.decoders.testing.TestChunks;
import org.bcistream.decoders.testing.TestChunks.Cut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BandPowerFeaturesTest {
    /** The fixture's input is read at this rate, first time stamp {@value #FIXTURE_T0} s. */
    private static final double FIXTURE_RATE = 250.0;
    private static final double FIXTURE_T0 = 100.0;
    private static final int FIXTURE_CHANNELS = 3;

    private static List<FeatureFrame> run(BandPowerFeatures stage, List<SignalChunk> chunks) {
        BandPowerState state = stage.newState();
        List<FeatureFrame> frames = new ArrayList<>();
        for (SignalChunk chunk : chunks) {
            stage.process(chunk, state, frames::add);
        }
        return frames;
    }

    /**
     * Band powers against NumPy's rfft with the same definition (and SciPy's periodogram inside the script).
     * Log powers agree to 1e-4 absolute, i.e. powers to 1e-4 relative.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"w1.0_h0.25", "w0.5_h0.2"})
    void logBandPowerMatchesTheNumpyReference(String config) {
        CsvTable reference = CsvTable.fixture("features/band_power.csv").where("config", config::equals);
        FeatureConfig features = FeatureConfig.defaults().withNormalization(false, 0.99, 0)
                .withWindow(reference.number(0, "window_s"), reference.number(0, "hop_s"));
        BandPowerFeatures stage = new BandPowerFeatures(FIXTURE_CHANNELS, FIXTURE_RATE, features);
        float[] input = CsvTable.fixture("filters/input.csv").floatsRowMajor();
        int samples = input.length / FIXTURE_CHANNELS;

        for (Cut cut : Cut.values()) {
            List<FeatureFrame> frames = run(stage, TestChunks.chunks("s1", FIXTURE_CHANNELS, FIXTURE_RATE, FIXTURE_T0, input,
                    TestChunks.sizes(samples, cut, 17)));
            int bands = features.bands().size();
            assertEquals(reference.rowCount(), frames.size() * FIXTURE_CHANNELS * bands, config + " " + cut + ": frame count");
            for (int row = 0; row < reference.rowCount(); row++) {
                FeatureFrame frame = frames.get(Integer.parseInt(reference.text(row, "frame")));
                assertEquals(Long.parseLong(reference.text(row, "frame")), frame.index());
                assertEquals(reference.number(row, "frame_time"), frame.frameTime(), 1e-9, "frame time");
                int band = features.bands().stream().map(FrequencyBand::name).toList().indexOf(reference.text(row, "band"));
                int channel = Integer.parseInt(reference.text(row, "channel"));
                assertEquals(reference.number(row, "log_power"), frame.value(channel, band), 1e-4,
                        config + " " + cut + " frame " + frame.index() + " channel " + channel + " band " + band);
            }
        }
    }

    @Test
    void aBinCentredSineHasItsPowerInItsBand() {
        // 10 uV amplitude at 10 Hz: power 50 uV^2 spread over the alpha bins 8..12 Hz (1 Hz apart): mean density 10
        double rate = 256;
        BandPowerFeatures stage = new BandPowerFeatures(2, rate,
                FeatureConfig.defaults().withNormalization(false, 0.99, 0).withWindow(1.0, 1.0));
        float[] samples = new float[512];
        for (int i = 0; i < 256; i++) {
            samples[2 * i] = (float) (10 * Math.sin(2 * Math.PI * 10 * i / rate) + 3);
        }
        List<FeatureFrame> frames = run(stage, TestChunks.chunks("s1", 2, rate, 0, samples, new int[] {256}));
        assertEquals(1, frames.size());
        assertEquals(Math.log(10), frames.get(0).value(0, 1), 1e-5);
        assertEquals(Math.log(BandPowerFeatures.POWER_FLOOR), frames.get(0).value(0, 3), 1e-5, "no gamma power");
        assertEquals(Math.log(BandPowerFeatures.POWER_FLOOR), frames.get(0).value(1, 1), 1e-5, "silent channel");
    }

    @Test
    void framesEndEveryHopWithFractionalHopsRoundedHalfUp() {
        BandPowerFeatures stage = new BandPowerFeatures(1, 250, FeatureConfig.defaults().withNormalization(false, 0.99, 0));
        assertEquals(250, stage.windowSamples());
        assertEquals(62.5, stage.hopSamples());
        List<FeatureFrame> frames = run(stage, TestChunks.chunks("s1", 1, 250, 0, new float[1000], new int[] {1000}));
        // ends at samples 249, 249 + 63, 249 + 125, 249 + 188, ...: round(k * 62.5) half up
        double[] expected = {249, 312, 374, 437, 499, 562, 624, 687, 749, 812, 874, 937, 999};
        assertEquals(expected.length, frames.size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(k, frames.get(k).index());
            assertEquals(expected[k] / 250, frames.get(k).frameTime(), 1e-12);
            assertEquals(TestChunks.INGEST_NANOS, frames.get(k).ingestNanos());
        }
    }

    @Test
    void normalisationSkipsWarmUpWindowsAndNumbersEmittedFramesFromZero() {
        FeatureConfig config = FeatureConfig.defaults().withWindow(0.5, 0.25).withNormalization(true, 0.9, 3);
        BandPowerFeatures stage = new BandPowerFeatures(2, 200, config);
        float[] signal = TestChunks.signal(1000, 2, 200, 3);
        List<FeatureFrame> frames = run(stage, TestChunks.chunks("s1", 2, 200, 0, signal, new int[] {1000}));
        // windows end at 99, 149, ..., 999: 19 windows, the first 3 train the normaliser only
        assertEquals(16, frames.size());
        assertEquals(0, frames.get(0).index());
        assertEquals(249 / 200.0, frames.get(0).frameTime(), 1e-12);
        assertEquals(15, frames.get(15).index());
        for (FeatureFrame frame : frames) {
            for (float z : frame.values()) {
                assertTrue(Math.abs(z) < 10, "z-score " + z);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SINGLE_SAMPLES", "RANDOM"})
    void chunkingDoesNotChangeTheFrames(Cut cut) {
        FeatureConfig config = FeatureConfig.defaults().withNormalization(true, 0.95, 2);
        BandPowerFeatures stage = new BandPowerFeatures(4, 250, config);
        int samples = 2000;
        float[] signal = TestChunks.signal(samples, 4, 250, 9);
        List<FeatureFrame> whole = run(stage, TestChunks.chunks("s1", 4, 250, 3.5, signal, new int[] {samples}));
        for (long seed = 1; seed <= (cut == Cut.RANDOM ? 3 : 1); seed++) {
            assertSameFrames(whole, run(stage, TestChunks.chunks("s1", 4, 250, 3.5, signal, TestChunks.sizes(samples, cut, seed))));
        }
    }

    @Test
    void aCopiedStateContinuesExactlyLikeTheOriginal() {
        BandPowerFeatures stage = new BandPowerFeatures(3, 250, FeatureConfig.defaults().withNormalization(true, 0.95, 2));
        int samples = 2000;
        List<SignalChunk> chunks = TestChunks.chunks("s1", 3, 250, 0, TestChunks.signal(samples, 3, 250, 4),
                TestChunks.sizes(samples, Cut.RANDOM, 8));
        BandPowerState original = stage.newState();
        int half = chunks.size() / 2;
        for (SignalChunk chunk : chunks.subList(0, half)) {
            stage.process(chunk, original, frame -> { });
        }
        BandPowerState copy = StateBeans.copy(original);
        List<FeatureFrame> fromOriginal = new ArrayList<>();
        List<FeatureFrame> fromCopy = new ArrayList<>();
        for (SignalChunk chunk : chunks.subList(half, chunks.size())) {
            stage.process(chunk, original, fromOriginal::add);
            stage.process(chunk, copy, fromCopy::add);
        }
        assertTrue(fromOriginal.size() > 10);
        assertEquals(fromOriginal, fromCopy);
        StateBeans.assertFlinkPojo(BandPowerState.class);
    }

    @Test
    void chunksOfAnotherShapeOrRateAreRefused() {
        BandPowerFeatures stage = new BandPowerFeatures(8, 250, FeatureConfig.defaults());
        SignalChunk nine = new SignalChunk("s1", "eeg", 9, 250, new double[] {0}, new float[9], 0);
        ChannelMismatchException channels = assertThrows(ChannelMismatchException.class,
                () -> stage.process(nine, stage.newState(), frame -> { }));
        assertEquals("chunk of session s1 has 9 channels, the band-power stage expects 8", channels.getMessage());
        SignalChunk fast = new SignalChunk("s1", "eeg", 8, 500, new double[] {0}, new float[8], 0);
        SampleRateMismatchException rate = assertThrows(SampleRateMismatchException.class,
                () -> stage.process(fast, stage.newState(), frame -> { }));
        assertEquals("chunk of session s1 has nominal rate 500.0 Hz, the band-power stage runs at 250.0 Hz", rate.getMessage());
    }

    static void assertSameFrames(List<FeatureFrame> expected, List<FeatureFrame> actual) {
        assertEquals(expected.size(), actual.size(), "frame count");
        for (int i = 0; i < expected.size(); i++) {
            FeatureFrame e = expected.get(i);
            FeatureFrame a = actual.get(i);
            assertEquals(e.index(), a.index());
            assertEquals(e.frameTime(), a.frameTime(), 1e-12);
            assertEquals(e.rows(), a.rows());
            assertEquals(e.columns(), a.columns());
            float[] ev = e.values();
            float[] av = a.values();
            for (int v = 0; v < ev.length; v++) {
                assertEquals(ev[v], av[v], 1e-5, "frame " + i + " value " + v);
            }
        }
    }
}
