package org.bcistream.streaming.lsl;

/**
 * The unit of an outlet's or inlet's buffer length. {@link #SECONDS} is liblsl's default: seconds times the nominal
 * rate, or times 100 for irregular streams; {@link #SAMPLES} is {@code transp_bufsize_samples}.
 */
public enum BufferUnit {
    /** Seconds of data at the nominal rate (100 samples per second for irregular streams). */
    SECONDS,
    /** A number of samples. */
    SAMPLES;

    /**
     * The buffer length in samples, at least 1, as liblsl's {@code calc_transport_buf_samples}.
     *
     * @param length the length in this unit, {@code >= 0}
     * @param nominalSrate the stream's rate in Hz, 0 for irregular
     */
    public int toSamples(int length, double nominalSrate) {
        long samples;
        if (this == SAMPLES) {
            samples = length;
        } else if (nominalSrate == Lsl.IRREGULAR_RATE) {
            samples = length * 100L;
        } else {
            samples = (long) (nominalSrate * length);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, samples));
    }
}
