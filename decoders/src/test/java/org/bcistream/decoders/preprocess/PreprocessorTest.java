package org.bcistream.decoders.preprocess;

import static org.bcistream.decoders.testing.TestProfiles.accelerometer;
import static org.bcistream.decoders.testing.TestProfiles.eeg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bcistream.decoders.dsp.Butterworth;
import org.bcistream.decoders.dsp.Notch;
import org.bcistream.decoders.dsp.SecondOrderSections;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.decoders.testing.StateBeans;
import org.bcistream.decoders.testing.TestProfiles;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.Modality;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    private static final double RATE = 250.0;

    /** Reference and scaling only: no filters, so outputs are hand-computable. */
    private static PreprocessConfig unfiltered(ReferenceMode reference) {
        return PreprocessConfig.defaults(TestProfiles.cyton()).withBandPass(null, null, 4).withNotch(null, 30)
                .withReference(reference);
    }

    private static SignalChunk chunk(int channels, float... samples) {
        int count = samples.length / channels;
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = 5.0 + i / RATE;
        }
        return new SignalChunk("s1", "eeg-stream", channels, RATE, times, samples, 123L);
    }

    private static float[] run(DeviceProfile profile, PreprocessConfig config, SignalChunk in) {
        Preprocessor preprocessor = new Preprocessor(profile, RATE, config);
        return preprocessor.process(in, preprocessor.newState()).samples();
    }

    @Test
    void channelMapKeepsNeuralChannelsInStreamOrderAndDropsAux() {
        DeviceProfile profile = TestProfiles.profile("mixed", Modality.EEG, RATE, null, null,
                List.of(eeg("C3"), eeg("C4"), accelerometer("AccX"), eeg("Cz"), accelerometer("AccY")));
        Preprocessor preprocessor = new Preprocessor(profile, RATE, unfiltered(ReferenceMode.none()));
        SignalChunk out = preprocessor.process(chunk(5, 1, 2, 100, 3, 200, 4, 5, 300, 6, 400), preprocessor.newState());

        assertEquals(3, out.channelCount());
        assertEquals(List.of("C3", "C4", "Cz"), preprocessor.outputChannelLabels());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, out.samples());
    }

    @Test
    void outputKeepsSessionStreamTimesRateAndIngestInstant() {
        DeviceProfile profile = TestProfiles.eegProfile("two", RATE, "C3", "C4");
        Preprocessor preprocessor = new Preprocessor(profile, RATE, PreprocessConfig.defaults(profile));
        SignalChunk in = chunk(2, 1, 2, 3, 4, 5, 6);
        SignalChunk out = preprocessor.process(in, preprocessor.newState());
        assertEquals(in.sessionId(), out.sessionId());
        assertEquals(in.streamId(), out.streamId());
        assertEquals(in.nominalRateHz(), out.nominalRateHz());
        assertEquals(in.ingestNanos(), out.ingestNanos());
        assertArrayEquals(in.timestamps(), out.timestamps());
    }

    @Test
    void commonAverageSubtractsTheMeanOfAllNeuralChannels() {
        DeviceProfile profile = TestProfiles.eegProfile("three", RATE, "C3", "Cz", "C4");
        float[] out = run(profile, unfiltered(ReferenceMode.commonAverage()), chunk(3, 1, 2, 6, -3, 0, 3));
        assertArrayEquals(new float[] {-2, -1, 3, -3, 0, 3}, out, 1e-6f);
    }

    @Test
    void linkedMastoidsSubtractsTheMeanOfTheMastoidPair() {
        float[] in = {10, 2, 4, 0, -1, 1};
        for (List<String> labels : List.of(List.of("Cz", "M1", "M2"), List.of("Cz", "A1", "A2"), List.of("Cz", "tp9", "TP10"))) {
            DeviceProfile profile = TestProfiles.eegProfile("mastoids", RATE, labels.toArray(String[]::new));
            assertArrayEquals(new float[] {7, -1, 1, 0, -1, 1}, run(profile, unfiltered(ReferenceMode.linkedMastoids()),
                    chunk(3, in)), 1e-6f, labels.toString());
        }
    }

    @Test
    void namedChannelReferenceSubtractsThatChannel() {
        DeviceProfile profile = TestProfiles.eegProfile("named", RATE, "Cz", "C3", "C4");
        float[] out = run(profile, unfiltered(ReferenceMode.channel("cz")), chunk(3, 10, 2, 4, -1, 1, 3));
        assertArrayEquals(new float[] {0, -8, -6, 0, 2, 4}, out, 1e-6f);
    }

    @Test
    void noReferenceLeavesValuesAlone() {
        DeviceProfile profile = TestProfiles.eegProfile("plain", RATE, "Cz", "C3");
        assertArrayEquals(new float[] {10, 2, -1, 1}, run(profile, unfiltered(ReferenceMode.none()), chunk(2, 10, 2, -1, 1)));
    }

    @Test
    void missingMastoidsListWhatWasSoughtAndWhatIsThere() {
        DeviceProfile profile = TestProfiles.eegProfile("no-mastoids", RATE, "Fp1", "Fp2", "M1");
        InvalidPreprocessConfigException e = assertThrows(InvalidPreprocessConfigException.class,
                () -> new Preprocessor(profile, RATE, unfiltered(ReferenceMode.linkedMastoids())));
        assertEquals("linked-mastoid reference needs one of the label pairs M1/M2, A1/A2, TP9/TP10 among the neural "
                + "channels of profile no-mastoids; it has Fp1, Fp2, M1", e.getMessage());
    }

    @Test
    void unknownOrAuxiliaryReferenceChannelListsTheNeuralLabels() {
        DeviceProfile profile = TestProfiles.profile("with-aux", Modality.EEG, RATE, null, null,
                List.of(eeg("C3"), eeg("C4"), accelerometer("AccX")));
        for (String label : List.of("Oz", "AccX")) {
            InvalidPreprocessConfigException e = assertThrows(InvalidPreprocessConfigException.class,
                    () -> new Preprocessor(profile, RATE, unfiltered(ReferenceMode.channel(label))));
            assertEquals("reference channel '" + label + "' is not a neural channel of profile with-aux; its neural "
                    + "channels are C3, C4", e.getMessage());
        }
    }

    @Test
    void rawCountsAreScaledByTheProfile() {
        DeviceProfile profile = TestProfiles.profile("counts", Modality.EEG, RATE, 0.5, null, List.of(eeg("C3"), eeg("C4")));
        PreprocessConfig counts = unfiltered(ReferenceMode.none()).withInputInCounts(true);
        assertArrayEquals(new float[] {50, -1, 0.25f, 4096}, run(profile, counts, chunk(2, 100, -2, 0.5f, 8192)));
        // scaling happens before the reference
        assertArrayEquals(new float[] {25.5f, -25.5f}, run(profile, counts.withReference(ReferenceMode.commonAverage()),
                chunk(2, 100, -2)), 1e-6f);
    }

    @Test
    void countsWithoutAScaleAreRefused() {
        DeviceProfile profile = TestProfiles.eegProfile("no-scale", RATE, "C3");
        InvalidPreprocessConfigException e = assertThrows(InvalidPreprocessConfigException.class,
                () -> new Preprocessor(profile, RATE, unfiltered(ReferenceMode.none()).withInputInCounts(true)));
        assertEquals("input is configured as ADC counts but profile no-scale has no microvoltsPerCount to scale them",
                e.getMessage());
    }

    @Test
    void aChunkWithTheWrongChannelCountIsRefusedWithBothCounts() {
        Preprocessor preprocessor = new Preprocessor(TestProfiles.cyton(), RATE, PreprocessConfig.defaults(TestProfiles.cyton()));
        ChannelMismatchException e = assertThrows(ChannelMismatchException.class,
                () -> preprocessor.process(chunk(17, new float[17]), preprocessor.newState()));
        assertEquals("chunk of session s1 has 17 channels, profile openbci-cyton expects 8", e.getMessage());
        assertEquals(17, e.actual());
        assertEquals(8, e.expected());
    }

    @Test
    void aChunkAtAnotherRateIsRefusedWithBothRates() {
        Preprocessor preprocessor = new Preprocessor(TestProfiles.cyton(), RATE, PreprocessConfig.defaults(TestProfiles.cyton()));
        SignalChunk fast = new SignalChunk("s1", "eeg", 8, 256, new double[] {0}, new float[8], 0L);
        SampleRateMismatchException e = assertThrows(SampleRateMismatchException.class,
                () -> preprocessor.process(fast, preprocessor.newState()));
        assertEquals("chunk of session s1 has nominal rate 256.0 Hz, the preprocessor of profile openbci-cyton runs at "
                + "250.0 Hz", e.getMessage());
        assertEquals(256.0, e.actualHz());
        assertEquals(250.0, e.expectedHz());
    }

    @Test
    void filterCascadeIsTheNotchThenTheBandPass() {
        DeviceProfile profile = TestProfiles.eegProfile("eeg", RATE, "C3");
        PreprocessConfig defaults = PreprocessConfig.defaults(profile);
        assertEquals(Notch.iirNotch(50, 30, RATE).followedBy(Butterworth.bandPass(4, 1, 40, RATE)),
                new Preprocessor(profile, RATE, defaults).filterSections());
        assertEquals(Butterworth.highPass(2, 0.5, RATE),
                new Preprocessor(profile, RATE, defaults.withNotch(null, 30).withBandPass(0.5, null, 2)).filterSections());
        assertEquals(Butterworth.lowPass(5, 45, RATE),
                new Preprocessor(profile, RATE, defaults.withNotch(null, 30).withBandPass(null, 45.0, 5)).filterSections());
        assertEquals(SecondOrderSections.identity(),
                new Preprocessor(profile, RATE, defaults.withNotch(null, 30).withBandPass(null, null, 4)).filterSections());
    }

    @Test
    void defaultFiltersRemoveMainsAndKeepAlpha() {
        DeviceProfile profile = TestProfiles.eegProfile("eeg", RATE, "C3");
        Preprocessor preprocessor = new Preprocessor(profile, RATE, PreprocessConfig.defaults(profile).withReference(ReferenceMode.none()));
        int samples = (int) (8 * RATE);
        float[] in = new float[samples];
        for (int i = 0; i < samples; i++) {
            in[i] = (float) (10 * Math.sin(2 * Math.PI * 10 * i / RATE) + 30 * Math.sin(2 * Math.PI * 50 * i / RATE) + 40);
        }
        float[] out = preprocessor.process(chunk(1, in), preprocessor.newState()).samples();
        double sumSquares = 0;
        for (int i = samples / 2; i < samples; i++) {
            sumSquares += out[i] * out[i];
        }
        assertEquals(10 / Math.sqrt(2), Math.sqrt(sumSquares / (samples / 2)), 0.1, "rms of the 10 Hz part only");
    }

    @Test
    void stateFollowsFlinkPojoRules() {
        StateBeans.assertFlinkPojo(PreprocessState.class);
    }

    @Test
    void configEdgesAboveNyquistAreRefusedWhenBuilding() {
        DeviceProfile profile = TestProfiles.eegProfile("eeg", 100, "C3");
        InvalidPreprocessConfigException e = assertThrows(InvalidPreprocessConfigException.class,
                () -> new Preprocessor(profile, 100, PreprocessConfig.defaults(profile, 250)));
        assertTrue(e.getMessage().contains("50.0 Hz is not below the Nyquist frequency 50.0 Hz (rate 100.0 Hz)"), e.getMessage());
    }
}
