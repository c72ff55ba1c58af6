package org.bcistream.hardware.synthetic;

/** The modality-specific part of a synthetic subject: EEG voltages or spike trains. Not thread-safe. */
interface SignalGenerator {

    /**
     * Generates samples {@code from} (inclusive) to {@code to} (exclusive), during which the trial phase
     * (rest or imagery, and the target) does not change, into {@code out}, whose first sample is
     * {@code out.firstSample}.
     */
    void generate(long from, long to, TrialSchedule trial, BlockBuffers out);

    /** True when the generator writes voltage samples, false when it writes spikes. */
    boolean producesSamples();

    void save(StateWriter out);

    void load(StateReader in);
}
