package org.bcistream.streaming.recording.xdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.SampleCursor;
import org.bcistream.streaming.recording.xdf.XdfStreamDetails.Segment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write then read: lossless, LabRecorder's chunk layout, and the writer's argument checks. */
class XdfWriterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.ofHours(1));
    static final double RATE = 250;
    static final int EEG_SAMPLES = 30 * 250;

    @TempDir
    static Path dir;

    static Path file;
    static float[] eeg;
    static double[] eegStamps;
    static double[] doubles;
    static long[] int16Values;
    static long[] int64Values;
    static long[] int8Values;

    /** Writes {@code file}: 30 s of 4-channel EEG in 0.5 s chunks and six other streams. */
    @BeforeAll
    static void write() throws IOException {
        file = dir.resolve("roundtrip.xdf");
        SplittableRandom random = new SplittableRandom(7);
        eeg = new float[EEG_SAMPLES * 4];
        for (int i = 0; i < eeg.length; i++) {
            eeg[i] = (float) (random.nextGaussian() * 50);
        }
        eeg[0] = Float.NaN;
        eeg[1] = -0.0f;
        eeg[2] = Float.MAX_VALUE;
        eeg[3] = Float.MIN_VALUE;
        eegStamps = new double[EEG_SAMPLES];
        for (int i = 0; i < EEG_SAMPLES; i++) {
            eegStamps[i] = 1000.0 + i / RATE + random.nextGaussian() * 1e-4;
        }
        doubles = new double[] {Math.PI, -1e300, 1e-300, 0, 12.5, -7};
        int16Values = new long[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE, 12345};
        int64Values = new long[] {-(1L << 24), (1L << 24), 0, 42};
        int8Values = new long[] {-128, 127, 0, 5};
        try (XdfWriter w = XdfWriter.create(file, CLOCK, XdfWriter.DEFAULT_BOUNDARY_INTERVAL_SECONDS)) {
            int eegId = w.addStream(XdfStreamDescription.of("Cyton", "EEG", 4, RATE, XdfChannelFormat.FLOAT32)
                    .withSourceId("cyton-42")
                    .withChannels(List.of("Fz", "Cz", "Pz", "Oz & <ref>"), List.of("microvolts", "microvolts", "microvolts", "microvolts"),
                            List.of("EEG", "EEG", "EEG", "EEG")));
            int markerId = w.addStream(XdfStreamDescription.of("Cues", "Markers", 2, 0, XdfChannelFormat.STRING));
            int doubleId = w.addStream(XdfStreamDescription.of("Accel", "ACC", 2, 0, XdfChannelFormat.DOUBLE64));
            int int16Id = w.addStream(XdfStreamDescription.of("Counts", "misc", 3, 0, XdfChannelFormat.INT16));
            int int64Id = w.addStream(XdfStreamDescription.of("Big", "misc", 1, 0, XdfChannelFormat.INT64));
            int int8Id = w.addStream(XdfStreamDescription.of("Small", "misc", 2, 0, XdfChannelFormat.INT8));
            int emptyId = w.addStream(XdfStreamDescription.of("Nothing", "EEG", 2, 100, XdfChannelFormat.FLOAT32));
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), List.of(eegId, markerId, doubleId, int16Id, int64Id, int8Id, emptyId));
            for (int start = 0; start < EEG_SAMPLES; start += 125) {
                w.writeSamples(eegId, Arrays.copyOfRange(eegStamps, start, start + 125),
                        Arrays.copyOfRange(eeg, start * 4, (start + 125) * 4), 125);
                if (start % 1250 == 0) {
                    w.writeClockOffset(eegId, eegStamps[start], 0.0);
                    w.writeClockOffset(markerId, eegStamps[start], 0.0);
                }
            }
            w.writeStrings(markerId, new double[] {1001.5, 1002.5}, new String[] {"CUE:A", "left", "TRIAL_END:A", "ünïcødé €"}, 2);
            w.writeStrings(markerId, new double[] {1003.0}, new String[] {"x".repeat(300), ""}, 1);
            w.writeSamples(doubleId, new double[] {1000.1, 1000.2, 1000.3}, doubles, 3);
            w.writeIntegers(int16Id, new double[] {1000.5, 1000.6}, int16Values, 2);
            w.writeIntegers(int64Id, new double[] {1000.7, 1000.8, 1000.9, 1001.0}, int64Values, 4);
            w.writeIntegers(int8Id, new double[] {1001.1, 1001.2}, int8Values, 2);
            w.writeSamples(eegId, new double[0], new float[0], 0);
        }
    }

    @Test
    void rawRoundTripIsBitExact() throws IOException {
        try (XdfRecording r = XdfRecording.open(file, XdfOptions.RAW)) {
            assertEquals(List.of(), r.warnings());
            assertEquals(List.of("1", "3", "4", "5", "6", "7"), r.streams().stream().map(RecordedStream::id).toList());
            RecordedStream s = r.streams().get(0);
            assertEquals(new RecordedStream("1", "Cyton", "EEG", 4, RATE, List.of("Fz", "Cz", "Pz", "Oz & <ref>"),
                    List.of("microvolts", "microvolts", "microvolts", "microvolts"), EEG_SAMPLES, eegStamps[0],
                    eegStamps[EEG_SAMPLES - 1], "cyton-42"), s);
            double[] t = new double[EEG_SAMPLES];
            float[] v = new float[EEG_SAMPLES * 4];
            try (SampleCursor c = r.open(s)) {
                assertEquals(0, c.read(t, v, 0));
                int total = 0;
                int n;
                double[] tt = new double[333];
                float[] vv = new float[333 * 4];
                while ((n = c.read(tt, vv, 333)) > 0) {
                    System.arraycopy(tt, 0, t, total, n);
                    System.arraycopy(vv, 0, v, total * 4, n * 4);
                    total += n;
                }
                assertEquals(EEG_SAMPLES, total);
            }
            assertArrayEquals(eegStamps, t);
            for (int i = 0; i < eeg.length; i++) {
                assertEquals(Float.floatToRawIntBits(eeg[i]), Float.floatToRawIntBits(v[i]), "value " + i);
            }
            assertArrayEquals(floats(doubles), values(r, "3", 3, 2));
            assertArrayEquals(floats(int16Values), values(r, "4", 2, 3));
            assertArrayEquals(floats(int64Values), values(r, "5", 4, 1));
            assertArrayEquals(floats(int8Values), values(r, "6", 2, 2));
            assertEquals(0, r.streams().get(5).sampleCount());

            List<RecordedMarker> markers = r.markers();
            assertEquals(List.of(new RecordedMarker(1001.5, 0, "CUE:A\tleft", RecordedMarker.Kind.ANNOTATION, "2"),
                    new RecordedMarker(1002.5, 0, "TRIAL_END:A\tünïcødé €", RecordedMarker.Kind.ANNOTATION, "2"),
                    new RecordedMarker(1003.0, 0, "x".repeat(300) + "\t", RecordedMarker.Kind.ANNOTATION, "2")), markers);
            XdfStreamDetails d = r.details("1");
            assertEquals(new XdfStreamDetails("1", "Cyton", "EEG", "cyton-42", "", XdfChannelFormat.FLOAT32, 4, RATE, EEG_SAMPLES, 6, List.of(),
                    List.of(new Segment(0, EEG_SAMPLES - 1)), (EEG_SAMPLES - 1) / (eegStamps[EEG_SAMPLES - 1] - eegStamps[0])), d);
        }
    }

    @Test
    void syncWithZeroOffsetsLeavesStampsUnchanged() throws IOException {
        try (XdfRecording r = XdfRecording.open(file, XdfOptions.DEFAULTS.withDejitter(false))) {
            double[] t = new double[EEG_SAMPLES];
            try (SampleCursor c = r.open(r.streams().get(0))) {
                assertEquals(EEG_SAMPLES, c.read(t, new float[EEG_SAMPLES * 4], EEG_SAMPLES));
            }
            assertArrayEquals(eegStamps, t);
            assertEquals(List.of(new Segment(0, EEG_SAMPLES - 1)), r.details("1").clockSegments());
            assertEquals(List.of(1001.5, 1002.5, 1003.0), r.markers().stream().map(RecordedMarker::time).toList());
        }
    }

    @Test
    void defaultsDejitterTheJitteredStampsOntoTheirLine() throws IOException {
        try (XdfRecording r = XdfRecording.open(file)) {
            double[] t = new double[EEG_SAMPLES];
            try (SampleCursor c = r.open(r.streams().get(0))) {
                assertEquals(EEG_SAMPLES, c.read(t, new float[EEG_SAMPLES * 4], EEG_SAMPLES));
            }
            for (int i = 0; i < EEG_SAMPLES; i++) {
                assertEquals(1000.0 + i / RATE, t[i], 1e-5, "stamp " + i);
                if (i > 0) {
                    assertEquals(t[1] - t[0], t[i] - t[i - 1], 1e-9, "interval " + i);
                }
            }
            assertEquals(RATE, r.details("1").effectiveRateHz(), 0.01);
        }
    }

    @Test
    void fileHasLabRecordersLayout() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertEquals("XDF:", text.substring(0, 4));
        assertTrue(text.startsWith("<?xml version=\"1.0\"?><info><version>1.0</version><datetime>2026-11-22T11:00:00+0100</datetime></info>", 8),
                text.substring(0, 120));
        assertTrue(text.contains("<info><name>Cyton</name><type>EEG</type><channel_count>4</channel_count><nominal_srate>250</nominal_srate>"
                + "<channel_format>float32</channel_format><source_id>cyton-42</source_id><version>1.1</version><created_at>0</created_at>"
                + "<desc><channels><channel><label>Fz</label><unit>microvolts</unit><type>EEG</type></channel>"), text);
        assertTrue(text.contains("<label>Oz &amp; &lt;ref&gt;</label>"));
        // 30 s of time stamps at one Boundary per 10 s
        int boundaries = 0;
        for (int i = 0; i + 16 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 16, Xdf.BOUNDARY_SIGNATURE, 0, 16)) {
                boundaries++;
            }
        }
        assertEquals(2, boundaries);
        assertTrue(text.contains("<info><first_timestamp>" + XdfWriter.significant16(eegStamps[0]) + "</first_timestamp><last_timestamp>"
                + XdfWriter.significant16(eegStamps[EEG_SAMPLES - 1]) + "</last_timestamp><sample_count>7500</sample_count><clock_offsets>"
                + "<offset><time>" + XdfWriter.significant16(eegStamps[0]) + "</time><value>0</value></offset>"), text);
        assertTrue(text.contains("<info><first_timestamp>0</first_timestamp><last_timestamp>0</last_timestamp><sample_count>0</sample_count>"
                + "<clock_offsets></clock_offsets></info>"));
        // the first EEG chunk: 4-byte length, tag 3, stream 1, count in the 4-byte form, explicit stamp
        int header = text.indexOf("\u0003\u0000\u0001\u0000\u0000\u0000\u0004\u007d\u0000\u0000\u0000\u0008");
        assertTrue(header > 0);
        assertEquals(4, bytes[header - 5]);
    }

    @Test
    void footerNumbersHaveSixteenSignificantDigits() {
        assertEquals("5.1", XdfWriter.significant16(5.1));
        assertEquals("-0.1", XdfWriter.significant16(-0.1));
        assertEquals("91716.6915717245", XdfWriter.significant16(91716.6915717245));
        assertEquals("-1.94335007108748e-05", XdfWriter.significant16(-1.94335007108748e-05));
        assertEquals("0.3", XdfWriter.significant16(0.1 + 0.2));
        assertEquals("653156.0261441499", XdfWriter.significant16(653156.02614415)); // as C printf("%.16g")
        assertEquals("1e+20", XdfWriter.significant16(1e20));
        assertEquals("1234567890123457", XdfWriter.significant16(1234567890123456.7));
        assertEquals("1.234567890123457e+16", XdfWriter.significant16(12345678901234567.0));
        assertEquals("0.0001", XdfWriter.significant16(1e-4));
        assertEquals("1e-05", XdfWriter.significant16(1e-5));
    }

    @Test
    void clockResetsWrittenAsOffsetsAreUndoneByTheReader() throws IOException {
        Path p = dir.resolve("reset.xdf");
        try (XdfWriter w = XdfWriter.create(p, CLOCK, 10)) {
            int id = w.addStream(XdfStreamDescription.of("S", "EEG", 1, 10, XdfChannelFormat.FLOAT32));
            // 60 s on a sender clock 5000 s behind the recorder, then the sender reboots: its clock restarts at 20
            // and is 9000 s behind
            for (int k = 0; k < 600; k++) {
                boolean after = k >= 300;
                double remote = after ? 20 + (k - 300) * 0.1 : 5000 + k * 0.1;
                w.writeSamples(id, new double[] {remote}, new float[] {k}, 1);
                if (k % 50 == 0) {
                    w.writeClockOffset(id, remote, after ? 9000 : -4000 + 1e-6 * remote);
                }
            }
        }
        try (XdfRecording r = XdfRecording.open(p)) {
            XdfStreamDetails d = r.details("1");
            assertEquals(List.of(new Segment(0, 299), new Segment(300, 599)), d.clockSegments());
            assertEquals(List.of(new Segment(0, 299), new Segment(300, 599)), d.segments());
            // the first segment's sender clock runs 1 ppm slow against the recorder's: 10 / (1 + 1e-6) Hz there
            assertEquals((299 + 299) / (299 * 0.1 * (1 + 1e-6) + 299 * 0.1), d.effectiveRateHz(), 1e-9);
            double[] t = new double[600];
            try (SampleCursor c = r.open(r.streams().get(0))) {
                assertEquals(600, c.read(t, new float[600], 600));
            }
            assertEquals(1000 + 1e-6 * 5000, t[0], 1e-6);
            assertEquals(9020, t[300], 1e-6);
        }
    }

    @Test
    void argumentsAreChecked() throws IOException {
        Path p = dir.resolve("checks.xdf");
        XdfWriter w = XdfWriter.create(p, CLOCK, 10);
        int floats = w.addStream(XdfStreamDescription.of("F", "EEG", 2, 10, XdfChannelFormat.FLOAT32));
        int ints = w.addStream(XdfStreamDescription.of("I", "misc", 1, 0, XdfChannelFormat.INT8));
        assertEquals("stream 1 (F) is float32; string values cannot be written to it",
                assertThrows(IllegalArgumentException.class, () -> w.writeStrings(floats, new double[] {1}, new String[] {"a", "b"}, 1))
                        .getMessage());
        assertEquals("stream 2 (I): value 128 of sample 1 channel 0 is outside the int8 range -128..127",
                assertThrows(IllegalArgumentException.class, () -> w.writeIntegers(ints, new double[] {1, 2}, new long[] {1, 128}, 2))
                        .getMessage());
        assertEquals("stream 'F': cannot write 2 samples of 2 channels from 2 time stamps and 3 values",
                assertThrows(IllegalArgumentException.class, () -> w.writeSamples(floats, new double[] {1, 2}, new float[3], 2))
                        .getMessage());
        assertEquals("stream 'F': time stamp 1 is NaN",
                assertThrows(IllegalArgumentException.class, () -> w.writeSamples(floats, new double[] {1, Double.NaN}, new float[4], 2))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> w.writeClockOffset(9, 1, 0)).getMessage()
                .endsWith("no stream 9; streams are 1..2"));
        assertEquals("<label> text 'a\u0001' holds character U+0001 at index 1, which XML 1.0 cannot carry",
                assertThrows(IllegalArgumentException.class, () -> w.addStream(XdfStreamDescription.of("X", "EEG", 1, 0,
                        XdfChannelFormat.FLOAT32).withChannels(List.of("a\u0001"), List.of(), List.of()))).getMessage());
        w.close();
        w.close();
        assertThrows(IllegalStateException.class, () -> w.writeClockOffset(floats, 1, 0));
        try (XdfRecording r = XdfRecording.open(p)) {
            // nothing of the refused calls reached the file
            assertEquals(List.of(0L, 0L), r.streams().stream().map(RecordedStream::sampleCount).toList());
            assertEquals(List.of(), r.warnings());
        }
        assertThrows(IllegalArgumentException.class, () -> XdfStreamDescription.of("X", "EEG", 0, 0, XdfChannelFormat.FLOAT32));
        assertThrows(IllegalArgumentException.class, () -> XdfStreamDescription.of("X", "EEG", 2, 0, XdfChannelFormat.FLOAT32)
                .withChannels(List.of("a"), List.of(), List.of()));
    }

    private static float[] values(XdfRecording r, String id, int samples, int channels) throws IOException {
        RecordedStream s = r.streams().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        float[] v = new float[samples * channels];
        try (SampleCursor c = r.open(s)) {
            assertEquals(samples, c.read(new double[samples], v, samples));
            assertEquals(-1, c.read(new double[1], new float[channels], 1));
        }
        return v;
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static float[] floats(long[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
