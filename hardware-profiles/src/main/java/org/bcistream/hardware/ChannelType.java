package org.bcistream.hardware;

/** What a channel of a device stream measures. Decoding uses {@link #isNeural() neural} channels; the rest are auxiliary. */
public enum ChannelType {
    /** Scalp EEG, microvolts. */
    EEG,
    /** Bipolar or unipolar exogenous electrode (EOG/EMG/ECG inputs of an amplifier), microvolts. */
    EXG,
    /** Intracortical wide-band or spike-band voltage, microvolts. */
    SPIKES,
    /** Intracortical local field potential, microvolts. */
    LFP,
    /** Accelerometer axis, g. */
    ACC,
    /** Gyroscope axis, degrees per second. */
    GYRO,
    /** Photoplethysmography or other optical channel, device units. */
    PPG,
    /** Trigger or status word, integer code. */
    TRIGGER,
    /** Sample or packet counter, used for loss detection. */
    COUNTER,
    /** Any other auxiliary input (battery, analog pins, validity flags). */
    AUX;

    /** True for the channel types the decoding stages read (EEG, ExG, spikes, LFP). */
    public boolean isNeural() {
        return this == EEG || this == EXG || this == SPIKES || this == LFP;
    }
}
