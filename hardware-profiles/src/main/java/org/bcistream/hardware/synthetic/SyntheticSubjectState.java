package org.bcistream.hardware.synthetic;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The complete mutable state of a {@link SyntheticSubject} between two blocks: sample counter, current
 * trial and target order, filter memories, artifact schedules and the positions of all random streams.
 * The fixed head model is not included: it is re-derived from the seed, so a state is only meaningful
 * with the profile and config it was captured with (a fingerprint of both is stored and checked by
 * {@link SyntheticSubject#restore}).
 *
 * <p>Immutable. The byte form ({@link #toBytes()}) is big-endian and versioned:
 *
 * <pre>
 * offset  size        field
 * 0       1           format version ({@value #FORMAT_VERSION})
 * 1       8           fingerprint of profile + config (long)
 * 9       8           index of the next sample to generate (long, &gt;= 0)
 * 17      4           n = number of integer values (int)
 * 21      8 n         integer values (long each)
 * ...     4           m = number of real values (int)
 * ...     8 m         real values (IEEE 754 double bits each)
 * ...     4           r = number of random-stream states (int)
 * ...     r x (4 + b) each: b = length (int), then b bytes of commons-rng provider state
 * </pre>
 *
 * The meaning of the integer and real values is fixed by the generator for a given profile and config;
 * a state for an 8-channel EEG profile takes about 1.4 KB.
 */
public final class SyntheticSubjectState {

    /** Version of the byte form written by {@link #toBytes()}; the only version {@link #fromBytes} reads. */
    public static final byte FORMAT_VERSION = 1;

    private final long fingerprint;
    private final long sampleIndex;
    private final long[] integers;
    private final double[] reals;
    private final byte[][] rngStates;

    /** Takes ownership of the arrays (callers pass fresh ones). */
    SyntheticSubjectState(long fingerprint, long sampleIndex, long[] integers, double[] reals, byte[][] rngStates) {
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("synthetic subject state: sample index " + sampleIndex + " is negative");
        }
        this.fingerprint = fingerprint;
        this.sampleIndex = sampleIndex;
        this.integers = integers;
        this.reals = reals;
        this.rngStates = rngStates;
    }

    /** Index of the next sample the restored subject generates (the first sample of its next block). */
    public long sampleIndex() {
        return sampleIndex;
    }

    /** The versioned byte form described in the class documentation. */
    public byte[] toBytes() {
        int size = 1 + 8 + 8 + 4 + 8 * integers.length + 4 + 8 * reals.length + 4;
        for (byte[] rng : rngStates) {
            size += 4 + rng.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT_VERSION).putLong(fingerprint).putLong(sampleIndex);
        out.putInt(integers.length);
        for (long v : integers) {
            out.putLong(v);
        }
        out.putInt(reals.length);
        for (double v : reals) {
            out.putDouble(v);
        }
        out.putInt(rngStates.length);
        for (byte[] rng : rngStates) {
            out.putInt(rng.length).put(rng);
        }
        return out.array();
    }

    /**
     * Parses the byte form written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException for an unknown format version, truncated input, negative counts or
     *     trailing bytes; the message gives the offset and the sizes involved
     */
    public static SyntheticSubjectState fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        Parser in = new Parser(bytes);
        in.need(1, "format version");
        byte version = in.buffer.get();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "synthetic subject state: format version %d is not supported (this build reads version %d)",
                    version, FORMAT_VERSION));
        }
        in.need(16, "fingerprint and sample index");
        long fingerprint = in.buffer.getLong();
        long sampleIndex = in.buffer.getLong();
        if (sampleIndex < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "synthetic subject state: sample index %d at offset 9 is negative", sampleIndex));
        }
        long[] integers = new long[in.count(8, "integer values")];
        for (int i = 0; i < integers.length; i++) {
            integers[i] = in.buffer.getLong();
        }
        double[] reals = new double[in.count(8, "real values")];
        for (int i = 0; i < reals.length; i++) {
            reals[i] = in.buffer.getDouble();
        }
        byte[][] rngStates = new byte[in.count(4, "random-stream states")][];
        for (int i = 0; i < rngStates.length; i++) {
            rngStates[i] = new byte[in.count(1, "bytes of random-stream state " + i)];
            in.buffer.get(rngStates[i]);
        }
        if (in.buffer.hasRemaining()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "synthetic subject state: %d unexpected bytes after the end of the state at offset %d (total %d)",
                    in.buffer.remaining(), in.buffer.position(), bytes.length));
        }
        return new SyntheticSubjectState(fingerprint, sampleIndex, integers, reals, rngStates);
    }

    long fingerprint() {
        return fingerprint;
    }

    long[] integers() {
        return integers;
    }

    double[] reals() {
        return reals;
    }

    byte[][] rngStates() {
        return rngStates;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SyntheticSubjectState s && Arrays.equals(toBytes(), s.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "SyntheticSubjectState[next sample %d, %d integers, %d reals, %d random streams, %d bytes]",
                sampleIndex, integers.length, reals.length, rngStates.length, toBytes().length);
    }

    /** Bounds-checked reading with messages that name the field, the offset and the sizes. */
    private static final class Parser {
        final ByteBuffer buffer;

        Parser(byte[] bytes) {
            this.buffer = ByteBuffer.wrap(bytes);
        }

        void need(long bytes, String what) {
            if (buffer.remaining() < bytes) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "synthetic subject state is truncated: reading the %s needs %d bytes at offset %d but only"
                                + " %d remain (total %d bytes)",
                        what, bytes, buffer.position(), buffer.remaining(), buffer.limit()));
            }
        }

        /** Reads a count of items of {@code itemBytes} each and checks that they all follow. */
        int count(int itemBytes, String what) {
            need(4, "count of " + what);
            int offset = buffer.position();
            int n = buffer.getInt();
            if (n < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "synthetic subject state is corrupt: count of %s at offset %d is negative (%d)",
                        what, offset, n));
            }
            need((long) n * itemBytes, n + " " + what);
            return n;
        }
    }
}
