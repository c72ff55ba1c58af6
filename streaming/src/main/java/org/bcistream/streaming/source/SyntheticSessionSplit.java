package org.bcistream.streaming.source;

import java.util.Arrays;

/**
 * One simulated session as a unit of source work: which session of which spec, and where the simulator
 * stands. A split taken at a checkpoint carries the simulator's state so that a restored job continues the
 * session with exactly the samples it would have produced.
 *
 * @param sessionIndex 1-based session number within the spec
 * @param spec the canonical text of the {@link SimulationSpec}
 * @param simulatorState the simulator's serialised state, or an empty array for a session not yet started
 */
public record SyntheticSessionSplit(int sessionIndex, String spec, byte[] simulatorState) implements IndexedSplit {

    public SyntheticSessionSplit {
        simulatorState = simulatorState == null ? new byte[0] : simulatorState.clone();
    }

    /** A split for a session that has not started. */
    public static SyntheticSessionSplit fresh(int sessionIndex, SimulationSpec spec) {
        return new SyntheticSessionSplit(sessionIndex, spec.toString(), new byte[0]);
    }

    @Override
    public String splitId() {
        return SimulationSpec.sessionId(sessionIndex);
    }

    /** True when the session has not produced any block yet. */
    public boolean isFresh() {
        return simulatorState.length == 0;
    }

    @Override
    public byte[] simulatorState() {
        return simulatorState.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntheticSessionSplit other
                && sessionIndex == other.sessionIndex
                && spec.equals(other.spec)
                && Arrays.equals(simulatorState, other.simulatorState);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sessionIndex + spec.hashCode()) + Arrays.hashCode(simulatorState);
    }

    @Override
    public String toString() {
        return "SyntheticSessionSplit[" + splitId() + ", " + spec + ", state=" + simulatorState.length + " bytes]";
    }
}
