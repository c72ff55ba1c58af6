package org.bcistream.decoders.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bcistream.decoders.dsp.InitialConditions;
import org.bcistream.decoders.testing.TestProfiles;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.Modality;
import org.junit.jupiter.api.Test;

class PreprocessConfigTest {
    @Test
    void eegDefaultsAreCommonAverageBandPassOneToFortyAndTheProfilesNotch() {
        PreprocessConfig config = PreprocessConfig.defaults(TestProfiles.cyton());
        assertEquals(ReferenceMode.commonAverage(), config.reference());
        assertEquals(1.0, config.bandPassLowHz());
        assertEquals(40.0, config.bandPassHighHz());
        assertEquals(4, config.bandPassOrder());
        assertEquals(60.0, config.notchHz());
        assertEquals(30.0, config.notchQuality());
        assertFalse(config.inputInCounts());
        assertEquals(InitialConditions.ZERO, config.initialConditions());
        assertTrue(config.hasBandPass());
    }

    @Test
    void defaultsCapTheUpperEdgeBelowNyquistAndDropAnImpossibleNotch() {
        PreprocessConfig config = PreprocessConfig.defaults(TestProfiles.eegProfile("slow-eeg", 64, "Cz"), 64);
        assertEquals(0.9 * 32, config.bandPassHighHz(), 1e-12);
        assertNull(config.notchHz(), "50 Hz mains cannot be notched below the 32 Hz Nyquist");
        config.validateFor(64);
    }

    @Test
    void intracorticalDefaultsHaveNoBandPass() {
        DeviceProfile array = TestProfiles.profile("utah-test", Modality.INTRACORTICAL, 1000, null, null,
                List.of(new org.bcistream.hardware.ChannelSpec("e1", org.bcistream.hardware.ChannelType.LFP, "microvolts")));
        PreprocessConfig config = PreprocessConfig.defaults(array);
        assertFalse(config.hasBandPass());
        assertNull(config.notchHz());
    }

    @Test
    void rateIndependentRulesCarryTheNumbers() {
        PreprocessConfig defaults = PreprocessConfig.defaults(TestProfiles.cyton());
        assertMessage(() -> defaults.withBandPass(30.0, 8.0, 4), "low edge 30.0 Hz must be below the high edge 8.0 Hz");
        assertMessage(() -> defaults.withBandPass(1.0, 40.0, 0), "order must be in 1..12; got 0");
        assertMessage(() -> defaults.withBandPass(-1.0, null, 2), "band-pass low edge must be finite and > 0 Hz; got -1.0 Hz");
        assertMessage(() -> defaults.withNotch(50.0, 0), "quality factor must be finite and > 0; got 0.0");
        assertMessage(() -> defaults.withNotch(Double.NaN, 30), "notch frequency must be finite and > 0 Hz; got NaN Hz");
    }

    @Test
    void edgesMustBeBelowNyquistForTheRate() {
        PreprocessConfig config = PreprocessConfig.defaults(TestProfiles.cyton()).withBandPass(1.0, 130.0, 4);
        assertMessage(() -> config.validateFor(250),
                "band-pass high edge 130.0 Hz is not below the Nyquist frequency 125.0 Hz (rate 250.0 Hz)");
        PreprocessConfig notch = PreprocessConfig.defaults(TestProfiles.cyton()).withNotch(60.0, 30);
        assertMessage(() -> notch.validateFor(100), "notch frequency 60.0 Hz is not below the Nyquist frequency 50.0 Hz");
    }

    @Test
    void referenceModeChecksItsLabel() {
        assertMessage(() -> ReferenceMode.channel(" "), "needs a channel label");
        assertMessage(() -> new ReferenceMode(ReferenceMode.Kind.COMMON_AVERAGE, "Cz"), "takes no channel label; got 'Cz'");
        assertEquals("Cz", ReferenceMode.channel("Cz").channelLabel());
    }

    private static void assertMessage(Runnable action, String expected) {
        InvalidPreprocessConfigException e = assertThrows(InvalidPreprocessConfigException.class, action::run);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
