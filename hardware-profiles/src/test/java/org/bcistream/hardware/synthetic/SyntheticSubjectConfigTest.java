package org.bcistream.hardware.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SyntheticSubjectConfigTest {

    @Test
    void defaultsAreValidAndDocumented() {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults();
        assertEquals(SyntheticSubjectConfig.LETTERS, config.targets());
        assertEquals(4.0, config.imagerySeconds());
        assertEquals(50.0, config.mainsHz());
        assertEquals(null, config.chunkSamples());
        assertTrue(config.auxSignals());
    }

    @Test
    void readyMadeTargetSetsHaveTenUniqueLabels() {
        for (List<String> set : List.of(SyntheticSubjectConfig.LETTERS, SyntheticSubjectConfig.WORDS)) {
            assertEquals(10, set.size());
            assertEquals(10, new HashSet<>(set).size());
        }
    }

    @Test
    void withMethodsChangeOneField() {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withSeed(5).withSnrDb(-7)
                .withTiming(1, 2, 0.5).withArtifacts(3, 4).withMainsHz(60).withLineNoiseUv(2).withAlphaUv(8)
                .withChunkSamples(32).withStartTimeSeconds(100).withAuxSignals(false)
                .withTargets(SyntheticSubjectConfig.WORDS);
        assertEquals(new SyntheticSubjectConfig(5, SyntheticSubjectConfig.WORDS, 1, 2, 0.5, -7, 3, 4, 60, 2, 8, 32,
                100, false, 5, null), config);
        assertEquals(new SyntheticSubjectConfig(5, SyntheticSubjectConfig.WORDS, 1, 2, 0.5, -7, 3, 4, 60, 2, 8, 32,
                100, false, 9, null), config.withRunSeed(9));
    }

    @Test
    void chunkSizeFallsBackToTheProfileThenToFortyMilliseconds() {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults();
        assertEquals(12, config.chunkSamplesFor(TestProfiles.muse2()));
        assertEquals(10, config.chunkSamplesFor(TestProfiles.cyton()));
        assertEquals(1200, config.chunkSamplesFor(TestProfiles.neuroport128()));
        assertEquals(7, config.withChunkSamples(7).chunkSamplesFor(TestProfiles.muse2()));
    }

    @Test
    void badValuesAreRejectedWithTheNumbers() {
        SyntheticSubjectConfig d = SyntheticSubjectConfig.defaults();
        assertRejected(() -> d.withTiming(2, -1, 0), "imagerySeconds", "-1.0");
        assertRejected(() -> d.withTiming(2, 0, 0), "imagerySeconds", "0.0");
        assertRejected(() -> d.withTiming(-0.5, 4, 0), "restSeconds", "-0.5");
        assertRejected(() -> d.withTiming(2, 4, Double.POSITIVE_INFINITY), "jitterSeconds", "Infinity");
        assertRejected(() -> d.withSnrDb(Double.NaN), "snrDb", "NaN");
        assertRejected(() -> d.withChunkSamples(0), "chunkSamples", "0");
        assertRejected(() -> d.withTargets(List.of()), "targets is empty");
        assertRejected(() -> d.withTargets(List.of("A", "B", "A")), "'A'", "more than once");
        assertRejected(() -> d.withTargets(List.of("A", " ")), "target 1 of 2 is blank");
        assertRejected(() -> d.withMainsHz(55), "mainsHz", "55.0");
        assertRejected(() -> d.withArtifacts(-1, 0), "blinksPerMinute", "-1.0");
        assertRejected(() -> d.withArtifacts(0, Double.NaN), "emgBurstsPerMinute", "NaN");
        assertRejected(() -> d.withLineNoiseUv(-2), "lineNoiseUv", "-2.0");
        assertRejected(() -> d.withAlphaUv(-3), "alphaUv", "-3.0");
        assertRejected(() -> d.withStartTimeSeconds(Double.NaN), "startTimeSeconds", "NaN");
    }

    private static void assertRejected(Supplier<SyntheticSubjectConfig> build, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }
}
