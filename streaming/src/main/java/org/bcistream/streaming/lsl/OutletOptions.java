package org.bcistream.streaming.lsl;

/**
 * How an outlet buffers and chunks its data (the {@code chunk_size} and {@code max_buffered} of
 * {@code lsl_create_outlet_ex}).
 *
 * @param chunkSize samples per network write, 0 = each push is one write; an inlet's {@code maxChunkLength} takes
 *     precedence. A push with pushthrough ends a chunk early.
 * @param maxBuffered how much data each consumer may have queued before the oldest samples are dropped, in {@code
 *     unit}; at least 1 sample is kept
 * @param unit the unit of {@code maxBuffered}
 */
public record OutletOptions(int chunkSize, int maxBuffered, BufferUnit unit) {
    /** liblsl's defaults: chunk size 0, 360 seconds. */
    public static final OutletOptions DEFAULTS = new OutletOptions(0, 360, BufferUnit.SECONDS);

    public OutletOptions {
        if (chunkSize < 0 || maxBuffered < 0) {
            throw new LslArgumentException("chunkSize " + chunkSize + " and maxBuffered " + maxBuffered
                    + " must be >= 0");
        }
        if (unit == null) {
            throw new LslArgumentException("unit must not be null");
        }
    }

    /** These options with {@code chunkSize} samples per write. */
    public OutletOptions withChunkSize(int chunkSize) {
        return new OutletOptions(chunkSize, maxBuffered, unit);
    }

    /** These options with a buffer of {@code maxBuffered} in {@code unit}. */
    public OutletOptions withMaxBuffered(int maxBuffered, BufferUnit unit) {
        return new OutletOptions(chunkSize, maxBuffered, unit);
    }
}
