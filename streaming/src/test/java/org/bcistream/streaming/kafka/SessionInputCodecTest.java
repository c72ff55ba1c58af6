package org.bcistream.streaming.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.streaming.kafka.RecordRejectedException.Kind;
import org.junit.jupiter.api.Test;

class SessionInputCodecTest {
    private static final StreamMetadata STREAM =
            new StreamMetadata("Cyton", "EEG", "cyton-1", 250, 3, List.of("C3", "Cz", "C4"), List.of("microvolts", "microvolts", "microvolts"));
    private static final SignalChunk CHUNK = new SignalChunk("s-1", "Cyton", 3, 250, new double[] {1.0, 1.004},
            new float[] {1.5f, -2.25f, 3e-3f, 4f, 5f, -6e6f}, 77);
    private static final MarkerEvent MARKER = new MarkerEvent("s-1", 1.002, MarkerKind.TRIAL_END, "hello wörld");

    private static Schema schema() throws IOException {
        try (InputStream in = SessionInputCodec.class.getResourceAsStream("session-input-v1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    @Test
    void chunksAndMarkersRoundTrip() throws Exception {
        SessionInputCodec.Decoded chunk = SessionInputCodec.decode(SessionInputCodec.encode(CHUNK, STREAM), 77);
        assertEquals(SessionEvent.of(CHUNK), chunk.event());
        assertEquals(STREAM, chunk.stream());
        SessionInputCodec.Decoded marker = SessionInputCodec.decode(SessionInputCodec.encode(MARKER), 0);
        assertEquals(SessionEvent.of(MARKER), marker.event());
        assertNull(marker.stream());
    }

    @Test
    void valuesAreTheCommittedAvroSchemaBehindMagicAndVersion() throws Exception {
        byte[] value = SessionInputCodec.encode(CHUNK, STREAM);
        assertEquals(0xBC, value[0] & 0xFF);
        assertEquals(1, value[1]);
        GenericRecord read = new GenericDatumReader<GenericRecord>(schema())
                .read(null, DecoderFactory.get().binaryDecoder(value, 2, value.length - 2, null));
        assertEquals("s-1", read.get("session").toString());
        GenericRecord payload = (GenericRecord) read.get("payload");
        assertEquals("SignalChunk", payload.getSchema().getName());
        GenericRecord stream = (GenericRecord) payload.get("stream");
        assertEquals("cyton-1", stream.get("sourceId").toString());
        assertEquals(250.0, stream.get("nominalRateHz"));
        assertEquals("[C3, Cz, C4]", stream.get("channelLabels").toString());
        assertEquals(List.of(1.0, 1.004), payload.get("timestamps"));
        assertEquals(-6e6f, ((List<?>) payload.get("samples")).get(5));

        byte[] marker = SessionInputCodec.encode(MARKER);
        GenericRecord m = (GenericRecord) new GenericDatumReader<GenericRecord>(schema())
                .read(null, DecoderFactory.get().binaryDecoder(marker, 2, marker.length - 2, null)).get("payload");
        assertEquals("TRIAL_END", m.get("kind").toString());
        assertEquals("hello wörld", m.get("label").toString());
    }

    @Test
    void recordsWrittenByAvroItselfAreRead() throws Exception {
        Schema schema = schema();
        Schema chunkSchema = schema.getField("payload").schema().getTypes().get(0);
        Schema streamSchema = chunkSchema.getField("stream").schema();
        GenericRecord stream = new GenericData.Record(streamSchema);
        stream.put("name", "Amp");
        stream.put("type", "EEG");
        stream.put("sourceId", "");
        stream.put("nominalRateHz", 500.0);
        stream.put("channelCount", 2);
        stream.put("channelLabels", List.of("a", "b"));
        stream.put("channelUnits", List.of());
        GenericRecord chunk = new GenericData.Record(chunkSchema);
        chunk.put("stream", stream);
        chunk.put("timestamps", List.of(3.0, 3.002, 3.004));
        chunk.put("samples", List.of(1f, 2f, 3f, 4f, 5f, 6f));
        GenericRecord input = new GenericData.Record(schema);
        input.put("session", "avro-made");
        input.put("payload", chunk);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xBC);
        out.write(1);
        // a small block size makes Avro write several blocks with byte sizes (negative counts)
        BinaryEncoder encoder = EncoderFactory.get().blockingBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(input, encoder);
        encoder.flush();
        SessionInputCodec.Decoded decoded = SessionInputCodec.decode(out.toByteArray(), 0);
        SignalChunk c = decoded.event().chunk();
        assertEquals("avro-made", c.sessionId());
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, c.samples());
        assertArrayEquals(new double[] {3.0, 3.002, 3.004}, c.timestamps());
        assertEquals(List.of("a", "b"), decoded.stream().channelLabels());
    }

    @Test
    void faultsAreNamedWithTheirKind() {
        assertRejected(new byte[] {1}, Kind.UNDECODABLE, "too short");
        assertRejected(new byte[] {0x7B, 0x22, 0x61}, Kind.UNDECODABLE, "first byte is 0x7B, not the magic 0xBC");
        byte[] newer = SessionInputCodec.encode(MARKER);
        newer[1] = 7;
        assertRejected(newer, Kind.UNKNOWN_VERSION, "schema version 7 is newer than this build reads (1); upgrade bcistream");
        byte[] value = SessionInputCodec.encode(CHUNK, STREAM);
        assertRejected(Arrays.copyOf(value, value.length - 3), Kind.UNDECODABLE, "malformed Avro");
        byte[] longer = Arrays.copyOf(value, value.length + 2);
        assertRejected(longer, Kind.UNDECODABLE, "2 bytes follow the record's end");
    }

    @Test
    void contentThatBreaksTheStreamRulesIsRefused() {
        SignalChunk backwards = new SignalChunk("s-1", "Cyton", 3, 250, new double[] {2.0, 2.004}, new float[6], 0);
        byte[] value = SessionInputCodec.encode(backwards, STREAM);
        // swap the two time stamps in the encoded value: 8 bytes each, right after the block count
        byte[] t0 = longBytes(Double.doubleToRawLongBits(2.0));
        int at = indexOf(value, t0);
        byte[] swapped = value.clone();
        System.arraycopy(value, at + 8, swapped, at, 8);
        System.arraycopy(value, at, swapped, at + 8, 8);
        assertRejected(swapped, Kind.TIME_BACKWARDS, "goes back in time at sample 1: 2.000000 s after 2.004000 s");
        byte[] inf = value.clone();
        System.arraycopy(longBytes(Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)), 0, inf, at, 8);
        assertRejected(inf, Kind.NOT_FINITE, "has time stamp Infinity at sample 0");
    }

    @Test
    void hostileLengthsAndCountsNeverAllocateBeyondTheRecord() {
        // session id claiming 2^40 bytes
        byte[] hugeString = {(byte) 0xBC, 1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x40};
        assertRejected(hugeString, Kind.UNDECODABLE, "claims");
        SplittableRandom random = new SplittableRandom(42);
        byte[] chunk = SessionInputCodec.encode(CHUNK, STREAM);
        byte[] marker = SessionInputCodec.encode(MARKER);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] base = random.nextBoolean() ? chunk : marker;
            byte[] mutant = random.nextInt(3) == 0 ? Arrays.copyOf(base, random.nextInt(base.length + 1)) : base.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips && mutant.length > 2; f++) {
                int i = 2 + random.nextInt(mutant.length - 2);
                mutant[i] = (byte) (mutant[i] ^ (1 << random.nextInt(8)));
            }
            try {
                SessionInputCodec.decode(mutant, 0);
            } catch (RecordRejectedException expected) {
                assertTrue(expected.getMessage().length() > 10);
            }
        }
    }

    private static void assertRejected(byte[] value, Kind kind, String fragment) {
        RecordRejectedException e = assertThrows(RecordRejectedException.class, () -> SessionInputCodec.decode(value, 0));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static byte[] longBytes(long bits) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (bits >>> (8 * i));
        }
        return b;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
