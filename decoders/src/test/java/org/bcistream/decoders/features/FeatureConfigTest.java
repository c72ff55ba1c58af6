package org.bcistream.decoders.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureConfigTest {
    @Test
    void defaults() {
        FeatureConfig config = FeatureConfig.defaults();
        assertEquals(1.0, config.windowSeconds());
        assertEquals(0.25, config.hopSeconds());
        assertEquals(List.of("theta", "alpha", "beta", "gamma"), config.bands().stream().map(FrequencyBand::name).toList());
        assertEquals(new FrequencyBand("beta", 13, 30), config.bands().get(2));
        assertEquals(0.02, config.spikeBinSeconds());
        assertTrue(config.normalize());
        assertEquals(0.99, config.forgettingFactor());
        assertEquals(20, config.warmUpFrames());
        // -1 / ln(0.99) = 99.5 frames of 0.25 s
        assertEquals(24.875, config.normalizerTimeConstantSeconds(), 1e-3);
    }

    @Test
    void invalidSettingsCarryTheNumbers() {
        FeatureConfig defaults = FeatureConfig.defaults();
        assertMessage(() -> defaults.withWindow(0, 0.25), "window length must be finite and > 0 s; got 0.0 s");
        assertMessage(() -> defaults.withWindow(1, Double.POSITIVE_INFINITY), "hop must be finite and > 0 s; got Infinity s");
        assertMessage(() -> defaults.withSpikeBinSeconds(-0.01), "spike bin width must be finite and > 0 s; got -0.01 s");
        assertMessage(() -> defaults.withNormalization(true, 1.0, 20), "forgetting factor must be in (0, 1); got 1.0");
        assertMessage(() -> defaults.withNormalization(true, 0.9, -1), "warm-up frame count must be >= 0; got -1");
        assertMessage(() -> defaults.withBands(List.of()), "at least one frequency band");
        assertMessage(() -> defaults.withBands(List.of(new FrequencyBand("mu", 8, 12), new FrequencyBand("MU", 9, 13))),
                "band name MU appears twice");
        assertMessage(() -> new FrequencyBand("odd", 12, 8), "band odd is [12.0, 8.0) Hz");
    }

    @Test
    void rateDependentRulesAreCheckedByTheStage() {
        FeatureConfig defaults = FeatureConfig.defaults();
        assertMessage(() -> new BandPowerFeatures(2, 64, defaults),
                "band gamma [30.0, 40.0) Hz reaches above the Nyquist frequency 32.0 Hz (rate 64.0 Hz)");
        assertMessage(() -> new BandPowerFeatures(2, 256, defaults.withWindow(0.25, 0.1)
                        .withBands(List.of(new FrequencyBand("narrow", 9, 10)))),
                "band narrow [9.0, 10.0) Hz holds no FFT bin: a 0.25 s window (64 samples) at 256.0 Hz has bins every 4.0 Hz");
        assertMessage(() -> new BandPowerFeatures(2, 4, defaults.withWindow(0.1, 0.1).withBands(List.of(new FrequencyBand("d", 0, 1)))),
                "window of 0.1 s is 0 samples at 4.0 Hz; at least 2 are needed");
        assertMessage(() -> new BandPowerFeatures(2, 250, defaults.withWindow(1, 0.001)),
                "hop of 0.001 s is 0.25 samples at 250.0 Hz; at least 1 is needed");
    }

    private static void assertMessage(Runnable action, String expected) {
        InvalidFeatureConfigException e = assertThrows(InvalidFeatureConfigException.class, action::run);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
