package org.bcistream.streaming.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PacingTest {

    @ParameterizedTest
    @ValueSource(strings = {"max", "MAX", " Max "})
    void maxIsUnpaced(String text) {
        Pacing pacing = Pacing.parse(text);
        assertSame(Pacing.MAX, pacing);
        assertTrue(pacing.isMax());
        assertEquals(Double.POSITIVE_INFINITY, pacing.speed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"realtime", "REALTIME", "real-time", "1x", "1", "1.0x"})
    void realtimeIsSpeedOne(String text) {
        Pacing pacing = Pacing.parse(text);
        assertEquals(Pacing.REALTIME, pacing);
        assertEquals(1.0, pacing.speed());
        assertFalse(pacing.isMax());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"2x, 2.0", "2X, 2.0", "0.5, 0.5", "0.5x, 0.5", "' 10x ', 10.0", "1.25, 1.25"})
    void factorsAreSpeeds(String text, double speed) {
        Pacing pacing = Pacing.parse(text);
        assertEquals(speed, pacing.speed());
        assertFalse(pacing.isMax());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "", "x", "0", "0x", "-1x", "-2", "nan", "NaN", "2xx", "two"})
    void rejectsOtherTextNamingItAndTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pacing.parse(text));
        assertEquals("'" + text + "' is not a pacing; use max, realtime or a factor like 2x", e.getMessage());
    }

    @Test
    void aZeroFactorCarriesTheConstructorsReasonAsCause() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pacing.parse("0"));
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("pacing speed must be > 0, got 0.0", cause.getMessage());
    }

    @Test
    void constructorRejectsNonPositiveAndNaNSpeeds() {
        assertEquals("pacing speed must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Pacing(0)).getMessage());
        assertEquals("pacing speed must be > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Pacing(-1)).getMessage());
        assertEquals("pacing speed must be > 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new Pacing(Double.NaN)).getMessage());
    }

    @Test
    void toStringIsParseable() {
        assertEquals("max", Pacing.MAX.toString());
        assertEquals("realtime", Pacing.REALTIME.toString());
        assertEquals("2x", new Pacing(2).toString());
        assertEquals("0.5x", new Pacing(0.5).toString());
        assertEquals("0.5x", new Pacing(0.5).toString());
        for (Pacing p : new Pacing[] {Pacing.MAX, Pacing.REALTIME, new Pacing(2), new Pacing(0.5), new Pacing(1e-4), new Pacing(3e7)}) {
            assertEquals(p, Pacing.parse(p.toString()), p.toString());
        }
    }

    @Test
    void isJavaSerializable() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Pacing(2));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(new Pacing(2), in.readObject());
        }
    }
}
