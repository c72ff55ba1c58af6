package org.bcistream.streaming.lsl;

/**
 * How an inlet buffers, chunks and recovers (the {@code max_buflen}, {@code max_chunklen} and {@code recover} of
 * {@code lsl_create_inlet_ex}).
 *
 * @param maxBufferLength how much data the inlet keeps before dropping the oldest samples, in {@code unit}; the
 *     outlet's per-connection queue is capped to the same number of samples
 * @param unit the unit of {@code maxBufferLength}
 * @param maxChunkLength samples per network write the outlet should use, 0 = the outlet decides
 * @param recover whether to reconnect, to the same source id, after the connection breaks; only streams with a
 *     non-empty source id can recover, others report {@link LslLostException}
 */
public record InletOptions(int maxBufferLength, BufferUnit unit, int maxChunkLength, boolean recover) {
    /** liblsl's defaults: 360 seconds, chunk length 0, recover on. */
    public static final InletOptions DEFAULTS = new InletOptions(360, BufferUnit.SECONDS, 0, true);

    public InletOptions {
        if (maxBufferLength < 0 || maxChunkLength < 0) {
            throw new LslArgumentException("maxBufferLength " + maxBufferLength + " and maxChunkLength "
                    + maxChunkLength + " must be >= 0");
        }
        if (unit == null) {
            throw new LslArgumentException("unit must not be null");
        }
    }

    /** These options with a buffer of {@code maxBufferLength} in {@code unit}. */
    public InletOptions withMaxBuffer(int maxBufferLength, BufferUnit unit) {
        return new InletOptions(maxBufferLength, unit, maxChunkLength, recover);
    }

    /** These options with {@code maxChunkLength} samples per network write. */
    public InletOptions withMaxChunkLength(int maxChunkLength) {
        return new InletOptions(maxBufferLength, unit, maxChunkLength, recover);
    }

    /** These options with recovery on or off. */
    public InletOptions withRecover(boolean recover) {
        return new InletOptions(maxBufferLength, unit, maxChunkLength, recover);
    }
}
