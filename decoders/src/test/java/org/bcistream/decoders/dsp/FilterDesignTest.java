package org.bcistream.decoders.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FilterDesignTest {
    private static final double RELATIVE = 1e-5;
    private static final double ABSOLUTE_NEAR_ZERO = 1e-9;

    static Stream<String> designNames() {
        return FilterFixtures.scipyDesigns().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designNames")
    void coefficientsMatchScipySectionBySection(String name) {
        Map<String, SecondOrderSections> scipy = FilterFixtures.scipyDesigns();
        SecondOrderSections expected = scipy.get(name);
        SecondOrderSections actual = FilterFixtures.javaDesign(name);

        assertEquals(expected.sectionCount(), actual.sectionCount(), name + ": section count");
        for (int s = 0; s < expected.sectionCount(); s++) {
            for (int k = 0; k < 6; k++) {
                double e = expected.coefficient(s, k);
                double a = actual.coefficient(s, k);
                double tolerance = Math.max(RELATIVE * Math.abs(e), ABSOLUTE_NEAR_ZERO);
                assertEquals(e, a, tolerance, name + ": section " + s + " coefficient " + k + "\n java  " + actual
                        + "\n scipy " + expected);
            }
        }
    }

    @Test
    void butterworthEdgesAreMinus3Decibels() {
        double halfPower = Math.sqrt(0.5);
        assertEquals(halfPower, Butterworth.lowPass(5, 45, 512).magnitudeAt(45, 512), 1e-9);
        assertEquals(halfPower, Butterworth.highPass(2, 0.5, 256).magnitudeAt(0.5, 256), 1e-9);
        SecondOrderSections band = Butterworth.bandPass(4, 8, 30, 160);
        assertEquals(halfPower, band.magnitudeAt(8, 160), 1e-9);
        assertEquals(halfPower, band.magnitudeAt(30, 160), 1e-9);
        assertEquals(1.0, band.magnitudeAt(Math.sqrt(8 * 30), 160), 1e-3);
        assertEquals(0.0, band.magnitudeAt(0, 160), 1e-12);
    }

    @Test
    void notchRejectsItsFrequencyAndPassesTheRest() {
        SecondOrderSections notch = Notch.iirNotch(50, 30, 250);
        assertEquals(1, notch.sectionCount());
        assertEquals(0.0, notch.magnitudeAt(50, 250), 1e-12);
        assertEquals(1.0, notch.magnitudeAt(0, 250), 1e-12);
        assertEquals(Math.sqrt(0.5), notch.magnitudeAt(50 + 50 / 30.0 / 2, 250), 0.01);
        assertTrue(notch.magnitudeAt(40, 250) > 0.99);
    }

    @Test
    void invalidDesignsNameTheNumbers() {
        IllegalArgumentException edge = assertThrows(IllegalArgumentException.class,
                () -> Butterworth.bandPass(4, 1, 130, 250));
        assertTrue(edge.getMessage().contains("130.0 Hz") && edge.getMessage().contains("125.0"), edge.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(0, 10, 100));
        assertTrue(order.getMessage().contains("got 0"), order.getMessage());
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class,
                () -> Butterworth.bandPass(2, 30, 8, 160));
        assertTrue(swapped.getMessage().contains("30.0 Hz and 8.0 Hz"), swapped.getMessage());
        IllegalArgumentException notch = assertThrows(IllegalArgumentException.class, () -> Notch.iirNotch(60, 30, 100));
        assertTrue(notch.getMessage().contains("60.0 Hz") && notch.getMessage().contains("50.0"), notch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Notch.iirNotch(50, 0, 250));
    }

    @Test
    void sectionsValidateTheirLayout() {
        IllegalArgumentException a0 = assertThrows(IllegalArgumentException.class,
                () -> SecondOrderSections.of(1, 0, 0, 2, 0, 0));
        assertTrue(a0.getMessage().contains("section 0 has a0 = 2.0"), a0.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> SecondOrderSections.of(1, 0, 0, 1, 0));
        assertTrue(length.getMessage().contains("got 5"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecondOrderSections.of(Double.NaN, 0, 0, 1, 0, 0));
    }

    @Test
    void cascadeKeepsOrderAndIdentityIsNeutral() {
        SecondOrderSections notch = Notch.iirNotch(50, 30, 250);
        SecondOrderSections band = Butterworth.bandPass(4, 1, 40, 250);
        SecondOrderSections cascade = notch.followedBy(band);
        assertEquals(5, cascade.sectionCount());
        assertEquals(notch.coefficient(0, 1), cascade.coefficient(0, 1));
        assertEquals(band.coefficient(3, 5), cascade.coefficient(4, 5));
        assertEquals(band, SecondOrderSections.identity().followedBy(band));
        assertEquals(band, band.followedBy(SecondOrderSections.identity()));
        assertEquals(0, SecondOrderSections.of().sectionCount());
    }
}
