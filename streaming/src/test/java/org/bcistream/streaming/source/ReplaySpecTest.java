package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.streaming.config.Pacing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplaySpecTest {
    @Test
    void defaultsAreEveryStreamAtMaxSpeed() {
        ReplaySpec spec = ReplaySpec.parse("file:data/S001R04.edf");
        assertEquals("data/S001R04.edf", spec.path());
        assertNull(spec.stream());
        assertNull(spec.profileId());
        assertNull(spec.session());
        assertEquals(Pacing.MAX, spec.pacing());
        assertEquals("file:data/S001R04.edf,pace=max", spec.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:a.xdf,stream=EEG,profile=muse-2,session=s1,pace=4x", "file:/tmp/x y.bdf,pace=realtime",
            "file:a.csv,session=s1,pace=max"})
    void canonicalTextParsesBackToTheSameSpec(String text) {
        ReplaySpec spec = ReplaySpec.parse(text);
        assertEquals(text, spec.toString());
        assertEquals(spec, ReplaySpec.parse(spec.toString()));
    }

    @Test
    void keysAreCaseInsensitiveAndTrimmed() {
        ReplaySpec spec = ReplaySpec.parse("file:a.xdf, STREAM = EEG ,Pace=2x");
        assertEquals("EEG", spec.stream());
        assertEquals(Pacing.parse("2x"), spec.pacing());
    }

    @Test
    void mistakesAreNamed() {
        assertMessage("file:a.xdf,speed=2x", "unknown key 'speed'; known keys: [pace, profile, session, stream]");
        assertMessage("file:a.xdf,EEG", "'EEG' is not key=value");
        assertMessage("file:", "the path is empty");
        assertMessage("sim:seed=1", "is not a file source");
        assertThrows(IllegalArgumentException.class, () -> ReplaySpec.parse("file:a.xdf,pace=fast"));
    }

    private static void assertMessage(String text, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReplaySpec.parse(text));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
