package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.bcistream.streaming.config.Pacing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulationSpecTest {

    @Test
    void defaultIsOneThirtySecondCytonSessionWithSeedOneLettersAtMaxSpeed() {
        SimulationSpec d = SimulationSpec.DEFAULT;
        assertEquals("openbci-cyton", d.profileId());
        assertEquals(1L, d.seed());
        assertEquals(Duration.ofSeconds(30), d.duration());
        assertEquals(1, d.sessions());
        assertNull(d.snrDb());
        assertEquals("letters", d.targets());
        assertEquals(Pacing.MAX, d.pacing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "sim:", "sim:,", "sim: , ,"})
    void bareSimIsTheDefault(String text) {
        assertEquals(SimulationSpec.DEFAULT, SimulationSpec.parse(text));
    }

    @Test
    void parsesEveryKey() {
        SimulationSpec spec = SimulationSpec.parse("sim:profile=muse-2,seed=7,duration=2m,sessions=4,snr=-10dB,targets=words,pace=2x");
        assertEquals(new SimulationSpec("muse-2", 7L, Duration.ofMinutes(2), 4, -10.0, "words", new Pacing(2.0), null, null, null), spec);
    }

    @Test
    void eachKeyAloneChangesOnlyItsField() {
        SimulationSpec d = SimulationSpec.DEFAULT;
        assertEquals(new SimulationSpec("muse-2", 1, d.duration(), 1, null, "letters", Pacing.MAX, null, null, null), SimulationSpec.parse("sim:profile=muse-2"));
        assertEquals(new SimulationSpec("openbci-cyton", -3, d.duration(), 1, null, "letters", Pacing.MAX, null, null, null), SimulationSpec.parse("sim:seed=-3"));
        assertEquals(new SimulationSpec("openbci-cyton", 1, Duration.ofMillis(250), 1, null, "letters", Pacing.MAX, null, null, null), SimulationSpec.parse("sim:duration=250ms"));
        assertEquals(new SimulationSpec("openbci-cyton", 1, d.duration(), 10_000, null, "letters", Pacing.MAX, null, null, null), SimulationSpec.parse("sim:sessions=10000"));
        assertEquals(new SimulationSpec("openbci-cyton", 1, d.duration(), 1, 3.5, "letters", Pacing.MAX, null, null, null), SimulationSpec.parse("sim:snr=3.5"));
        assertEquals(new SimulationSpec("openbci-cyton", 1, d.duration(), 1, -5.0, "letters", Pacing.MAX, null, null, null), SimulationSpec.parse("sim:snr=-5DB"));
        assertEquals(new SimulationSpec("openbci-cyton", 1, d.duration(), 1, null, "yes+no", Pacing.MAX, null, null, null), SimulationSpec.parse("sim:targets=yes+no"));
        assertEquals(new SimulationSpec("openbci-cyton", 1, d.duration(), 1, null, "letters", Pacing.REALTIME, null, null, null), SimulationSpec.parse("sim:pace=realtime"));
    }

    @Test
    void keysAreCaseInsensitiveAndSpacesAroundKeysAndValuesAreIgnored() {
        assertEquals(SimulationSpec.parse("sim:seed=3,sessions=2"), SimulationSpec.parse("sim: SEED = 3 , Sessions=2 "));
    }

    @Test
    void unknownKeyIsNamedWithTheKnownKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:seed=1,colour=red"));
        assertEquals("sim source: unknown key 'colour'; known keys: [chunk, duration, pace, profile, rate, run, seed, sessions, snr, targets]", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "=3"})
    void partWithoutKeyIsRefused(String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:" + part));
        assertEquals("sim source: '" + part + "' is not key=value", e.getMessage());
    }

    @Test
    void otherSourceKindsAreRefused() {
        assertEquals("'file:x.xdf' is not a sim source; it starts with sim:",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("file:x.xdf")).getMessage());
        assertEquals("'simulate:seed=1' is not a sim source; it starts with sim:",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("simulate:seed=1")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim:seed=abc", "sim:seed=1.5", "sim:sessions=two", "sim:sessions=99999999999", "sim:snr=loud"})
    void badNumbersAreNamedWithTheWholeSpec(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse(text));
        String value = text.substring(text.indexOf('=') + 1);
        assertTrue(e.getMessage().startsWith("sim source: "), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + value + "\""), e.getMessage());
        assertTrue(e.getMessage().endsWith(" in '" + text + "'"), e.getMessage());
        assertTrue(e.getCause() instanceof NumberFormatException, String.valueOf(e.getCause()));
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheValue() {
        assertEquals("sim source: sessions must be in 1..10000, got 0",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:sessions=0")).getMessage());
        assertEquals("sim source: sessions must be in 1..10000, got 10001",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:sessions=10001")).getMessage());
        assertEquals("sim source: duration must be > 0, got PT0S",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:duration=0s")).getMessage());
        assertEquals("sim source: snr must be a finite number of dB, got NaN",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:snr=NaN")).getMessage());
        assertEquals("sim source: snr must be a finite number of dB, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:snr=Infinity")).getMessage());
        assertEquals("sim source: profile is empty",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:profile=")).getMessage());
        assertEquals("sim source: targets is empty",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:targets= ")).getMessage());
    }

    @Test
    void badDurationAndPaceCarryTheirParsersMessages() {
        assertEquals("'soon' is not a duration; use e.g. 30s, 250ms, 2m, 1h or 1.5 (seconds)",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:duration=soon")).getMessage());
        assertEquals("'fast' is not a pacing; use max, realtime or a factor like 2x",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:pace=fast")).getMessage());
    }

    @Test
    void constructorRefusesMissingParts() {
        Duration d = Duration.ofSeconds(1);
        assertEquals("sim source: profile is empty",
                assertThrows(IllegalArgumentException.class, () -> new SimulationSpec(null, 1, d, 1, null, "letters", Pacing.MAX, null, null, null)).getMessage());
        assertEquals("sim source: duration must be > 0, got null",
                assertThrows(IllegalArgumentException.class, () -> new SimulationSpec("x", 1, null, 1, null, "letters", Pacing.MAX, null, null, null)).getMessage());
        assertEquals("sim source: duration must be > 0, got PT-1S",
                assertThrows(IllegalArgumentException.class, () -> new SimulationSpec("x", 1, d.negated(), 1, null, "letters", Pacing.MAX, null, null, null)).getMessage());
        assertEquals("sim source: targets is empty",
                assertThrows(IllegalArgumentException.class, () -> new SimulationSpec("x", 1, d, 1, null, null, Pacing.MAX, null, null, null)).getMessage());
        assertEquals("sim source: pace is missing",
                assertThrows(IllegalArgumentException.class, () -> new SimulationSpec("x", 1, d, 1, null, "letters", null, null, null, null)).getMessage());
    }

    @Test
    void toStringIsTheCanonicalForm() {
        assertEquals("sim:profile=openbci-cyton,seed=1,duration=30s,sessions=1,targets=letters,pace=max", SimulationSpec.DEFAULT.toString());
        assertEquals("sim:profile=muse-2,seed=7,duration=0.25s,sessions=4,snr=-10.0,targets=yes+no,pace=2x",
                SimulationSpec.parse("sim:profile=muse-2,seed=7,duration=250ms,sessions=4,snr=-10dB,targets=yes+no,pace=2x").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sim:",
        "sim:profile=muse-2,seed=7,duration=2m,sessions=4,snr=-10dB,targets=words,pace=2x",
        "sim:seed=-9223372036854775808,duration=250ms,pace=realtime",
        "sim:seed=9223372036854775807,duration=1h,snr=0.001,pace=0.5",
        "sim:duration=1.5,targets=up+down+left,pace=0.5x",
        "sim:duration=1ms,snr=12.25",
        "sim:duration=90m,sessions=10000",
    })
    void toStringReparsesToAnEqualSpec(String text) {
        SimulationSpec spec = SimulationSpec.parse(text);
        assertEquals(spec, SimulationSpec.parse(spec.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim:duration=0.0005", "sim:duration=2778h"})
    void toStringReparsesForVeryShortAndVeryLongDurations(String text) {
        SimulationSpec spec = SimulationSpec.parse(text);
        assertEquals(spec, SimulationSpec.parse(spec.toString()));
    }

    @Test
    void sessionIdIsSimDashIndex() {
        assertEquals("sim-1", SimulationSpec.sessionId(1));
        assertEquals("sim-10000", SimulationSpec.sessionId(10_000));
    }

    @Test
    void sessionSeedIsSplitMix64OfSeedAndIndex() {
        // reference outputs of SplitMix64 started from state 0 (Steele, Lea, Flood 2014; Vigna's splitmix64.c)
        SimulationSpec zero = new SimulationSpec("openbci-cyton", 0, Duration.ofSeconds(1), 3, null, "letters", Pacing.MAX, null, null, null);
        assertEquals(0xE220A8397B1DCDAFL, zero.sessionSeed(1));
        assertEquals(0x6E789E6AA1B965F4L, zero.sessionSeed(2));
        assertEquals(0x06C45D188009454FL, zero.sessionSeed(3));
    }

    @Test
    void sessionSeedsDifferPerSessionAndAreStable() {
        SimulationSpec spec = SimulationSpec.parse("sim:seed=42,sessions=1000");
        Set<Long> seeds = new HashSet<>();
        for (int i = 1; i <= 1000; i++) {
            assertTrue(seeds.add(spec.sessionSeed(i)), "session " + i + " repeats a seed");
            assertEquals(spec.sessionSeed(i), SimulationSpec.parse("sim:seed=42,sessions=1000").sessionSeed(i));
        }
        assertNotEquals(spec.sessionSeed(1), SimulationSpec.parse("sim:seed=43").sessionSeed(1));
        // only the seed and the index matter, not the other settings
        assertEquals(spec.sessionSeed(5), SimulationSpec.parse("sim:seed=42,profile=muse-2,duration=1s,pace=2x").sessionSeed(5));
    }

    @Test
    void aRunIsAnotherRecordingOfTheSameSubjects() {
        SimulationSpec plain = SimulationSpec.parse("sim:seed=4,sessions=2");
        SimulationSpec run = SimulationSpec.parse("sim:seed=4,sessions=2,run=7");
        assertEquals(Long.valueOf(7), run.run());
        assertEquals(run, SimulationSpec.parse(run.toString()));
        assertEquals(plain.sessionSeed(1), plain.runSeed(1), "without run= the subject's seed is the recording's");
        assertEquals(plain.sessionSeed(2), run.sessionSeed(2), "the same subjects");
        assertNotEquals(run.sessionSeed(2), run.runSeed(2), "another recording");
        assertNotEquals(run.runSeed(1), run.runSeed(2));
        assertNotEquals(run.runSeed(1), SimulationSpec.parse("sim:seed=4,run=8").runSeed(1));
    }

    @Test
    void rateAndChunkAreOptionalAndChecked() {
        SimulationSpec spec = SimulationSpec.parse("sim:profile=brainproducts-actichamp-64,rate=1000Hz,chunk=10");
        assertEquals(Double.valueOf(1000), spec.rateHz());
        assertEquals(Integer.valueOf(10), spec.chunkSamples());
        assertEquals(spec, SimulationSpec.parse(spec.toString()));
        assertEquals("sim source: chunk must be >= 1 sample, got 0",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:chunk=0")).getMessage());
        assertEquals("sim source: rate must be a positive number of Hz, got -5.0",
                assertThrows(IllegalArgumentException.class, () -> SimulationSpec.parse("sim:rate=-5")).getMessage());
    }
}
