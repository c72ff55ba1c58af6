package org.bcistream.streaming.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bcistream.decoders.record.InvalidRecordException;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.streaming.kafka.RecordRejectedException.Kind;

/**
 * The Kafka value format of session input (signal chunks and markers): the magic byte {@code 0xBC}, the schema
 * version byte, then the record in Avro binary encoding per {@code session-input-v<version>.avsc} (committed
 * next to this class). Version 1 is the only version; a newer one is refused with a message saying so.
 *
 * <p>Decoding checks every length and count against the bytes left before allocating, and the content against
 * the stream's rules (finite values, non-decreasing time stamps, samples = time stamps x channels). Thread-safe.
 */
public final class SessionInputCodec {
    /** First byte of every value. */
    public static final int MAGIC = 0xBC;
    /** The schema version this build writes and the newest it reads. */
    public static final int VERSION = 1;
    /** Largest value accepted, bytes (a chunk of 1 s of 1024 channels at 1 kHz is about 4 MB). */
    public static final int MAX_VALUE_BYTES = 16 << 20;

    private static final MarkerKind[] KINDS = {MarkerKind.CUE, MarkerKind.TRIAL_END, MarkerKind.TRIGGER, MarkerKind.TEXT};
    private static final int CHUNK = 0;
    private static final int MARKER = 1;

    private SessionInputCodec() {}

    /** A decoded value: the event and, for signal chunks, the stream it came from (null for markers). */
    public record Decoded(SessionEvent event, StreamMetadata stream) {}

    /** Encodes a signal chunk of {@code stream}. */
    public static byte[] encode(SignalChunk chunk, StreamMetadata stream) {
        if (chunk.channelCount() != stream.channelCount()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "chunk of session %s has %d channels, its stream %s has %d",
                    chunk.sessionId(), chunk.channelCount(), stream.name(), stream.channelCount()));
        }
        AvroBinary.Writer w = header().writeString(chunk.sessionId()).writeLong(CHUNK);
        w.writeString(stream.name()).writeString(stream.type()).writeString(stream.sourceId()).writeDouble(stream.nominalRateHz())
                .writeInt(stream.channelCount());
        writeStrings(w, stream.channelLabels());
        writeStrings(w, stream.channelUnits());
        double[] t = chunk.timestamps();
        w.startArray(t.length);
        for (double v : t) {
            w.writeDouble(v);
        }
        w.endArray();
        float[] x = chunk.samples();
        w.startArray(x.length);
        for (float v : x) {
            w.writeFloat(v);
        }
        return w.endArray().toByteArray();
    }

    /** Encodes a marker. */
    public static byte[] encode(MarkerEvent marker) {
        return header().writeString(marker.sessionId()).writeLong(MARKER).writeDouble(marker.timestamp())
                .writeInt(marker.kind().ordinal()).writeString(marker.label()).toByteArray();
    }

    private static AvroBinary.Writer header() {
        return new AvroBinary.Writer().raw(MAGIC).raw(VERSION);
    }

    private static void writeStrings(AvroBinary.Writer w, List<String> values) {
        w.startArray(values.size());
        values.forEach(w::writeString);
        w.endArray();
    }

    /**
     * Decodes a value.
     *
     * @param ingestNanos local monotonic instant to stamp on a signal chunk
     * @throws RecordRejectedException saying what is wrong, with the byte offset or the numbers
     */
    public static Decoded decode(byte[] value, long ingestNanos) throws RecordRejectedException {
        if (value == null || value.length < 2) {
            throw new RecordRejectedException(Kind.UNDECODABLE, "value of " + (value == null ? 0 : value.length)
                    + " bytes is too short for a bcistream input record (magic 0xBC and a version byte first)");
        }
        if ((value[0] & 0xFF) != MAGIC) {
            throw new RecordRejectedException(Kind.UNDECODABLE, String.format(Locale.ROOT,
                    "first byte is 0x%02X, not the magic 0xBC of a bcistream input record", value[0] & 0xFF));
        }
        int version = value[1] & 0xFF;
        if (version != VERSION) {
            throw new RecordRejectedException(Kind.UNKNOWN_VERSION, String.format(Locale.ROOT,
                    "schema version %d is %s this build reads (%d)%s", version, version > VERSION ? "newer than" : "not one",
                    VERSION, version > VERSION ? "; upgrade bcistream" : ""));
        }
        if (value.length > MAX_VALUE_BYTES) {
            throw new RecordRejectedException(Kind.UNDECODABLE, String.format(Locale.ROOT, "value of %d bytes exceeds the %d-byte limit",
                    value.length, MAX_VALUE_BYTES));
        }
        AvroBinary.Reader r = new AvroBinary.Reader(value, 2);
        try {
            String session = r.readString("session id");
            long branch = r.readLong();
            Decoded decoded;
            if (branch == CHUNK) {
                decoded = chunk(r, session, ingestNanos);
            } else if (branch == MARKER) {
                decoded = marker(r, session);
            } else {
                throw new AvroBinary.Malformed("payload branch " + branch + " is neither 0 (SignalChunk) nor 1 (Marker)");
            }
            if (r.remaining() != 0) {
                throw new AvroBinary.Malformed(r.remaining() + " bytes follow the record's end at byte " + r.position());
            }
            return decoded;
        } catch (AvroBinary.Malformed e) {
            throw new RecordRejectedException(Kind.UNDECODABLE, "malformed Avro: " + e.getMessage());
        }
    }

    private static Decoded chunk(AvroBinary.Reader r, String session, long ingestNanos)
            throws AvroBinary.Malformed, RecordRejectedException {
        String name = r.readString("stream name");
        String type = r.readString("stream type");
        String sourceId = r.readString("source id");
        double rate = r.readDouble();
        int channels = r.readInt();
        List<String> labels = readStrings(r, "channel labels");
        List<String> units = readStrings(r, "channel units");
        double[] t = readDoubles(r);
        float[] x = readFloats(r);
        String where = String.format(Locale.ROOT, "chunk of session %s", session);
        if (channels < 1) {
            throw new RecordRejectedException(Kind.WRONG_CHANNEL_COUNT, where + " declares " + channels + " channels");
        }
        if (t.length == 0 || x.length != (long) t.length * channels) {
            throw new RecordRejectedException(Kind.WRONG_CHANNEL_COUNT, String.format(Locale.ROOT,
                    "%s has %d values for %d time stamps x %d channels (expected %d)", where, x.length, t.length, channels,
                    (long) t.length * channels));
        }
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i])) {
                throw new RecordRejectedException(Kind.NOT_FINITE, String.format(Locale.ROOT, "%s has time stamp %s at sample %d", where, t[i], i));
            }
            if (i > 0 && t[i] < t[i - 1]) {
                throw new RecordRejectedException(Kind.TIME_BACKWARDS, String.format(Locale.ROOT,
                        "%s goes back in time at sample %d: %.6f s after %.6f s", where, i, t[i], t[i - 1]));
            }
        }
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new RecordRejectedException(Kind.NOT_FINITE, String.format(Locale.ROOT, "%s has %s at sample %d channel %d (t=%.6f s)",
                        where, x[i], i / channels, i % channels, t[i / channels]));
            }
        }
        StreamMetadata stream;
        try {
            stream = new StreamMetadata(name, type, sourceId, rate, channels, labels, units);
            return new Decoded(SessionEvent.of(new SignalChunk(session, name, channels, rate, t, x, ingestNanos)), stream);
        } catch (IllegalArgumentException e) {
            throw new RecordRejectedException(Kind.UNDECODABLE, where + ": " + e.getMessage());
        }
    }

    private static Decoded marker(AvroBinary.Reader r, String session) throws AvroBinary.Malformed, RecordRejectedException {
        double t = r.readDouble();
        MarkerKind kind = KINDS[r.readEnum("marker kind", KINDS.length)];
        String label = r.readString("marker label");
        if (!Double.isFinite(t)) {
            throw new RecordRejectedException(Kind.NOT_FINITE, "marker of session " + session + " has time stamp " + t);
        }
        try {
            return new Decoded(SessionEvent.of(new MarkerEvent(session, t, kind, label)), null);
        } catch (InvalidRecordException e) {
            throw new RecordRejectedException(Kind.UNDECODABLE, e.getMessage());
        }
    }

    private static List<String> readStrings(AvroBinary.Reader r, String what) throws AvroBinary.Malformed {
        List<String> out = new ArrayList<>();
        for (int n = r.readBlockCount(what, 1); n != 0; n = r.readBlockCount(what, 1)) {
            for (int i = 0; i < n; i++) {
                out.add(r.readString(what));
            }
        }
        return out;
    }

    private static double[] readDoubles(AvroBinary.Reader r) throws AvroBinary.Malformed {
        double[] out = new double[0];
        for (int n = r.readBlockCount("time stamps", 8); n != 0; n = r.readBlockCount("time stamps", 8)) {
            int at = out.length;
            out = java.util.Arrays.copyOf(out, at + n);
            for (int i = 0; i < n; i++) {
                out[at + i] = r.readDouble();
            }
        }
        return out;
    }

    private static float[] readFloats(AvroBinary.Reader r) throws AvroBinary.Malformed {
        float[] out = new float[0];
        for (int n = r.readBlockCount("samples", 4); n != 0; n = r.readBlockCount("samples", 4)) {
            int at = out.length;
            out = java.util.Arrays.copyOf(out, at + n);
            for (int i = 0; i < n; i++) {
                out[at + i] = r.readFloat();
            }
        }
        return out;
    }
}
