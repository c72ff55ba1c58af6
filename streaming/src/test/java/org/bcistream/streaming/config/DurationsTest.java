package org.bcistream.streaming.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "30s, 30000000000",
        "250ms, 250000000",
        "2m, 120000000000",
        "2min, 120000000000",
        "1h, 3600000000000",
        "1.5, 1500000000",
        "0.1, 100000000",
        "1.5ms, 1500000",
        "0.25s, 250000000",
        "'  30 S ', 30000000000",
        "5MS, 5000000",
        "0, 0",
    })
    void parsesEveryAcceptedForm(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "-1s", "+1s", "1e3", "1.s", ".5s", "10d", "1 h 30m", "30sec", "1,5s", "NaN", "s"})
    void rejectsOtherTextNamingItAndTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("'" + text + "' is not a duration; use e.g. 30s, 250ms, 2m, 1h or 1.5 (seconds)", e.getMessage());
    }

    @Test
    void rejectsNullWithTheSameMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(null));
        assertEquals("'null' is not a duration; use e.g. 30s, 250ms, 2m, 1h or 1.5 (seconds)", e.getMessage());
    }

    @Test
    void rejectsDurationsBeyondLongNanoseconds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("3000000h"));
        assertEquals("duration '3000000h' is too long", e.getMessage());
    }

    @Test
    void acceptsTheLongestDurationThatFits() {
        // 2,562,047 h is just below Long.MAX_VALUE ns (about 2,562,047.79 h)
        assertEquals(Duration.ofHours(2_562_047), Durations.parse("2562047h"));
    }

    @Test
    void secondsIsTheDurationInSecondsAsADouble() {
        assertEquals(0.25, Durations.seconds(Duration.ofMillis(250)));
        assertEquals(90.0, Durations.seconds(Duration.ofMinutes(1).plusSeconds(30)));
        assertEquals(1e-9, Durations.seconds(Duration.ofNanos(1)));
        assertEquals(0.0, Durations.seconds(Duration.ZERO));
    }

    @Test
    void formatWritesPlainDecimalSecondsThatParseBack() {
        assertEquals("30s", Durations.format(Duration.ofSeconds(30)));
        assertEquals("0.0005s", Durations.format(Duration.ofNanos(500_000)));
        assertEquals("10000800s", Durations.format(Duration.ofHours(2778)));
        for (Duration d : new Duration[] {Duration.ofNanos(1), Duration.ofMillis(250), Duration.ofHours(2778)}) {
            assertEquals(d, Durations.parse(Durations.format(d)));
        }
    }
}
