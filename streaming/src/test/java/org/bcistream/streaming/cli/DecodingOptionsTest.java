package org.bcistream.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.bcistream.decoders.features.FeatureConfig;
import org.bcistream.decoders.features.FrequencyBand;
import org.bcistream.decoders.features.InvalidFeatureConfigException;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.preprocess.PreprocessConfig;
import org.bcistream.decoders.preprocess.ReferenceMode;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DecodingOptionsTest {
    private static final DeviceProfile CYTON = DeviceProfiles.builtIn().byId("openbci-cyton");
    private static final PreprocessConfig PRE = PreprocessConfig.defaults(CYTON, 250);
    private static final FeatureConfig FEATURES = FeatureConfig.defaults();

    /** The options as picocli fills them from a command line. */
    private static DecodingOptions options(String... args) {
        DecodingOptions options = new DecodingOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    private static SessionPipelineConfig cyton(String... args) {
        return options(args).toConfig(CYTON);
    }

    @Test
    void noOptionsGiveThePipelineDefaults() {
        assertEquals(SessionPipelineConfig.defaults(CYTON), cyton());
        SessionPipelineConfig config = cyton();
        assertEquals(250.0, config.rateHz());
        assertEquals(ReferenceMode.commonAverage(), config.preprocess().reference());
        assertEquals(1.0, config.preprocess().bandPassLowHz());
        assertEquals(40.0, config.preprocess().bandPassHighHz());
        assertEquals(4, config.preprocess().bandPassOrder());
        assertEquals(50.0, config.preprocess().notchHz());
    }

    @Test
    void referenceModes() {
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withReference(ReferenceMode.linkedMastoids()), FEATURES), cyton("--reference", "mastoids"));
        assertEquals(ReferenceMode.linkedMastoids(), cyton("--reference", "linked-mastoids").preprocess().reference());
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withReference(ReferenceMode.none()), FEATURES), cyton("--reference", "none"));
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withReference(ReferenceMode.commonAverage()), FEATURES), cyton("--reference", "car"));
        assertEquals(ReferenceMode.commonAverage(), cyton("--reference", "CAR").preprocess().reference());
        assertEquals(ReferenceMode.commonAverage(), cyton("--reference", "average").preprocess().reference());
        assertEquals(ReferenceMode.commonAverage(), cyton("--reference", "common-average").preprocess().reference());
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withReference(ReferenceMode.channel("Cz")), FEATURES), cyton("--reference", "Cz"));
        assertEquals(ReferenceMode.channel("O1"), DecodingOptions.parseReference("O1"));
    }

    @Test
    void bandPassOffRemovesTheFilterAndKeepsTheOrder() {
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withBandPass(null, null, 4), FEATURES), cyton("--band-pass", "off"));
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withBandPass(null, null, 4), FEATURES), cyton("--band-pass", "OFF"));
    }

    @Test
    void bandPassEdgesAndOrder() {
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withBandPass(8.0, 30.0, 4), FEATURES), cyton("--band-pass", "8-30"));
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withBandPass(0.5, 45.5, 2), FEATURES),
                cyton("--band-pass", " 0.5 - 45.5 ", "--filter-order", "2"));
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withBandPass(1.0, 40.0, 6), FEATURES), cyton("--filter-order", "6"));
    }

    @Test
    void notchFrequencyOrOff() {
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withNotch(60.0, 30.0), FEATURES), cyton("--notch", "60"));
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE.withNotch(null, 30.0), FEATURES), cyton("--notch", "off"));
    }

    @Test
    void bandsWindowHopAndNormalisation() {
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE,
                FEATURES.withBands(List.of(new FrequencyBand("alpha", 8, 13), new FrequencyBand("beta", 13, 30)))),
                cyton("--bands", "alpha:8-13,beta:13-30"));
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE, FEATURES.withNormalization(false, 0.99, 0)), cyton("--no-normalise"));
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE, FEATURES.withWindow(2.0, 0.5)), cyton("--window", "2s", "--hop", "500ms"));
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE, FEATURES.withWindow(0.5, 0.25)), cyton("--window", "500ms"));
        assertEquals(new SessionPipelineConfig(CYTON, 250, PRE, FEATURES.withWindow(1.0, 0.1)), cyton("--hop", "0.1"));
    }

    @Test
    void everyOptionAtOnce() {
        SessionPipelineConfig expected = new SessionPipelineConfig(CYTON, 250,
                PRE.withReference(ReferenceMode.none()).withBandPass(2.0, 35.0, 3).withNotch(null, 30.0),
                FEATURES.withWindow(2.0, 0.5).withBands(List.of(new FrequencyBand("mu", 8, 12))).withNormalization(false, 0.99, 0));
        assertEquals(expected, cyton("--reference", "none", "--band-pass", "2-35", "--filter-order", "3", "--notch", "off",
                "--window", "2s", "--hop", "500ms", "--bands", "mu:8-12", "--no-normalise"));
    }

    @Test
    void intracorticalProfileKeepsItsDefaultsWithoutBandPass() {
        DeviceProfile utah = DeviceProfiles.builtIn().byId("blackrock-neuroport-128");
        assertEquals(SessionPipelineConfig.defaults(utah), options().toConfig(utah));
        assertEquals(30000.0, options().toConfig(utah).rateHz());
        assertNull(options("--filter-order", "2").toConfig(utah).preprocess().bandPassLowHz());
        assertEquals(2, options("--filter-order", "2").toConfig(utah).preprocess().bandPassOrder());
    }

    @Test
    void parseBandsKeepsOrderAndTrimsNames() {
        assertEquals(List.of(new FrequencyBand("theta", 4, 8), new FrequencyBand("high gamma", 70.5, 110)),
                DecodingOptions.parseBands("theta:4-8, high gamma :70.5-110"));
    }

    @ParameterizedTest
    @ValueSource(strings = {":8-13", "alpha", "alpha8-13"})
    void bandWithoutNameIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecodingOptions.parseBands(text));
        assertEquals("--bands: '" + text + "' is not name:low-high (e.g. alpha:8-13)", e.getMessage());
    }

    @Test
    void badBandEdgesAreRefusedWithTheBand() {
        assertEquals("--bands alpha: '8' is not low-high in Hz (e.g. 8-30)",
                assertThrows(IllegalArgumentException.class, () -> DecodingOptions.parseBands("alpha:8")).getMessage());
        assertEquals("--bands alpha: 'a' is not a number",
                assertThrows(IllegalArgumentException.class, () -> DecodingOptions.parseBands("alpha:a-13")).getMessage());
        assertEquals("band alpha is [13.0, 8.0) Hz; it needs finite edges with 0 <= low < high",
                assertThrows(InvalidFeatureConfigException.class, () -> DecodingOptions.parseBands("alpha:13-8")).getMessage());
        assertEquals("band name ALPHA appears twice",
                assertThrows(InvalidFeatureConfigException.class, () -> cyton("--bands", "alpha:8-13,ALPHA:9-12")).getMessage());
    }

    @Test
    void bandPassAboveNyquistIsRefusedForTheProfilesRate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cyton("--band-pass", "1-130"));
        assertEquals("band-pass high edge 130.0 Hz is not below the Nyquist frequency 125.0 Hz (rate 250.0 Hz)", e.getMessage());
    }
}
