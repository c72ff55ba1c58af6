package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepLadderTest {

    @Test
    void powersOfTwoStopAtTheLargestNotAboveTheMaximum() {
        assertEquals("StepLadder[1, 2, 4, 8]", StepLadder.powersOfTwo(8).toString());
        assertEquals("StepLadder[1, 2, 4, 8]", StepLadder.powersOfTwo(15).toString());
        assertEquals("StepLadder[1]", StepLadder.powersOfTwo(1).toString());
    }

    @Test
    void customLadderKeepsItsRungs() {
        StepLadder ladder = StepLadder.of(2, 3, 6);
        assertEquals(3, ladder.size());
        assertEquals(2, ladder.smallest());
        assertEquals(3, ladder.rung(1));
        assertEquals(6, ladder.largest());
    }

    @Test
    void rejectsEmptyUnorderedOrNonPositiveRungs() {
        assertThrows(IllegalArgumentException.class, () -> StepLadder.of());
        assertThrows(IllegalArgumentException.class, () -> StepLadder.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> StepLadder.of(1, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> StepLadder.of(2, 2));
        assertThrows(IllegalArgumentException.class, () -> StepLadder.powersOfTwo(0));
    }
}
