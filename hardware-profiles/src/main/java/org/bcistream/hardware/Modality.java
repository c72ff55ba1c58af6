package org.bcistream.hardware;

/** The kind of signal a device delivers, which decides the feature path (band power vs binned spike counts). */
public enum Modality {
    /** Scalp EEG or ExG amplifiers and headsets. */
    EEG,
    /** Intracortical arrays and probes: spikes (threshold crossings) and LFP. */
    INTRACORTICAL,
    /** Simulated devices used without hardware. */
    SYNTHETIC
}
