package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticSessionSplitTest {
    private static final SimulationSpec SPEC = SimulationSpec.parse("sim:sessions=4,seed=2");

    @Test
    void freshSplitCarriesTheCanonicalSpecAndNoState() {
        SyntheticSessionSplit split = SyntheticSessionSplit.fresh(3, SPEC);
        assertEquals(3, split.sessionIndex());
        assertEquals(SPEC.toString(), split.spec());
        assertEquals("sim-3", split.splitId());
        assertTrue(split.isFresh());
        assertArrayEquals(new byte[0], split.simulatorState());
    }

    @Test
    void nullStateIsEmpty() {
        assertTrue(new SyntheticSessionSplit(1, "sim:", null).isFresh());
        assertEquals(SyntheticSessionSplit.fresh(1, SimulationSpec.parse("sim:")), new SyntheticSessionSplit(1, SimulationSpec.DEFAULT.toString(), null));
    }

    @Test
    void stateIsCopiedInAndOut() {
        byte[] state = {1, 2, 3};
        SyntheticSessionSplit split = new SyntheticSessionSplit(1, "sim:", state);
        state[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, split.simulatorState());
        split.simulatorState()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, split.simulatorState());
        assertFalse(split.isFresh());
    }

    @Test
    void equalityComparesStateContents() {
        SyntheticSessionSplit a = new SyntheticSessionSplit(1, "sim:", new byte[] {1, 2});
        SyntheticSessionSplit b = new SyntheticSessionSplit(1, "sim:", new byte[] {1, 2});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new SyntheticSessionSplit(1, "sim:", new byte[] {1, 3}));
        assertNotEquals(a, new SyntheticSessionSplit(2, "sim:", new byte[] {1, 2}));
        assertNotEquals(a, new SyntheticSessionSplit(1, "sim:seed=2", new byte[] {1, 2}));
    }

    @Test
    void toStringNamesSessionSpecAndStateSize() {
        assertEquals("SyntheticSessionSplit[sim-2, sim:, state=3 bytes]", new SyntheticSessionSplit(2, "sim:", new byte[3]).toString());
    }
}
