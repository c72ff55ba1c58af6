package org.bcistream.decoders.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.bcistream.decoders.testing.CsvTable;
import org.bcistream.decoders.testing.StateBeans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SosFilterTest {
    private static final int CHANNELS = FilterFixtures.INPUT_CHANNELS;
    private static final double RELATIVE_TO_RMS = 1e-5;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bandpass_1_40_o4_fs250", "bandpass_8_30_o4_fs160", "highpass_0.5_o2_fs256",
            "lowpass_45_o5_fs512", "notch_50_q30_fs250", "notch_60_q30_fs256"})
    void outputMatchesScipySosfiltFromZeroState(String design) {
        SosFilter filter = new SosFilter(FilterFixtures.javaDesign(design), CHANNELS, InitialConditions.ZERO);
        float[] data = FilterFixtures.input();
        filter.filterInPlace(data, 0, data.length / CHANNELS, filter.newState());

        assertMatchesReference(CsvTable.fixture("filters/sosfilt_" + design + ".csv").doublesRowMajor(), data, design);
    }

    @Test
    void steadyStateStartMatchesScipySosfiltWithZiTimesFirstSample() {
        String design = "bandpass_1_40_o4_fs250";
        SosFilter filter = new SosFilter(FilterFixtures.javaDesign(design), CHANNELS, InitialConditions.STEADY_STATE);
        float[] data = FilterFixtures.input();
        float[] out = new float[data.length];
        filter.filter(data, 0, out, 0, data.length / CHANNELS, filter.newState());

        assertMatchesReference(CsvTable.fixture("filters/sosfilt_zi_" + design + ".csv").doublesRowMajor(), out, design);
    }

    @Test
    void steadyStateStartHasNoTransientOnAConstant() {
        SosFilter lowPass = new SosFilter(Butterworth.lowPass(4, 10, 250), 2, InitialConditions.STEADY_STATE);
        float[] data = new float[200];
        for (int i = 0; i < 100; i++) {
            data[2 * i] = 37.5f;
            data[2 * i + 1] = -12f;
        }
        lowPass.filterInPlace(data, 0, 100, lowPass.newState());
        for (int i = 0; i < 100; i++) {
            assertEquals(37.5f, data[2 * i], 1e-4f);
            assertEquals(-12f, data[2 * i + 1], 1e-4f);
        }
    }

    @Test
    void steadyStateIsRefusedForAPoleAtOne() {
        SecondOrderSections integrator = SecondOrderSections.of(1, 0, 0, 1, -1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SosFilter(integrator, 1, InitialConditions.STEADY_STATE));
        assertTrue(e.getMessage().contains("pole at z = 1"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ZERO", "STEADY_STATE"})
    void chunkingDoesNotChangeTheOutput(InitialConditions start) {
        SosFilter filter = new SosFilter(Butterworth.bandPass(4, 1, 40, 250).followedBy(Notch.iirNotch(50, 30, 250)),
                CHANNELS, start);
        float[] input = FilterFixtures.input();
        int samples = input.length / CHANNELS;
        float[] whole = input.clone();
        filter.filterInPlace(whole, 0, samples, filter.newState());

        for (long seed : new long[] {1, 2, 3}) {
            SplittableRandom random = new SplittableRandom(seed);
            float[] pieces = new float[input.length];
            SosFilterState state = filter.newState();
            for (int at = 0; at < samples; ) {
                int size = Math.min(samples - at, seed == 1 ? 1 : 1 + random.nextInt(40));
                filter.filter(input, at * CHANNELS, pieces, at * CHANNELS, size, state);
                at += size;
            }
            assertArrayEquals(whole, pieces, "seed " + seed);
        }
    }

    @Test
    void aCopiedStateContinuesExactlyLikeTheOriginal() {
        SosFilter filter = new SosFilter(Butterworth.highPass(2, 0.5, 256), CHANNELS, InitialConditions.STEADY_STATE);
        float[] input = FilterFixtures.input();
        int half = 250;
        SosFilterState state = filter.newState();
        float[] head = input.clone();
        filter.filterInPlace(head, 0, half, state);
        SosFilterState copy = StateBeans.copy(state);

        float[] fromOriginal = input.clone();
        float[] fromCopy = input.clone();
        int rest = input.length / CHANNELS - half;
        filter.filterInPlace(fromOriginal, half * CHANNELS, rest, state);
        filter.filterInPlace(fromCopy, half * CHANNELS, rest, copy);
        assertArrayEquals(fromOriginal, fromCopy);
    }

    @Test
    void identityFilterCopiesInput() {
        SosFilter identity = new SosFilter(SecondOrderSections.identity(), 2, InitialConditions.ZERO);
        float[] in = {1, 2, 3, 4};
        float[] out = new float[6];
        identity.filter(in, 0, out, 2, 2, identity.newState());
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4}, out);
    }

    @Test
    void aStateOfAnotherShapeIsRefused() {
        SosFilter two = new SosFilter(Butterworth.lowPass(4, 10, 100), 2, InitialConditions.ZERO);
        SosFilter three = new SosFilter(Butterworth.lowPass(4, 10, 100), 3, InitialConditions.ZERO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> three.filterInPlace(new float[3], 0, 1, two.newState()));
        assertTrue(e.getMessage().contains("holds 8 delays") && e.getMessage().contains("needs 12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> two.filterInPlace(new float[3], 0, 2, two.newState()));
    }

    @Test
    void stateFollowsFlinkPojoRules() {
        StateBeans.assertFlinkPojo(SosFilterState.class);
    }

    private static void assertMatchesReference(double[] expected, float[] actual, String design) {
        assertEquals(expected.length, actual.length);
        for (int c = 0; c < CHANNELS; c++) {
            int channel = c;
            double rms = Math.sqrt(Stream.iterate(channel, i -> i < expected.length, i -> i + CHANNELS)
                    .mapToDouble(i -> expected[i] * expected[i]).average().orElseThrow());
            double tolerance = RELATIVE_TO_RMS * rms;
            for (int i = channel; i < expected.length; i += CHANNELS) {
                assertEquals(expected[i], actual[i], tolerance,
                        design + " sample " + i / CHANNELS + " channel " + channel + " (rms " + rms + ")");
            }
        }
    }
}
