package org.bcistream.streaming.recording.edf;

import static org.bcistream.streaming.recording.edf.EdfTestFiles.fixture;
import static org.bcistream.streaming.recording.edf.EdfTestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedMarker.Kind;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.recording.SampleCursor;
import org.bcistream.streaming.recording.RecordingTestFiles.StreamData;
import org.junit.jupiter.api.Test;

/** The fixtures of {@code make_fixtures.py}; the expected values follow from the formulas in its docstring. */
class EdfFixturesTest {
    private static final double[] DISCONTINUOUS_STARTS = {0, 1, 3.5, 10.25};

    @Test
    void discontinuousRecordsAreStampedByTheirTimeKeepingTals() throws IOException {
        try (EdfRecording rec = EdfRecording.open(fixture("discontinuous.edf"))) {
            assertEquals("EDF+D", rec.format());
            assertTrue(rec.header().isDiscontinuous());
            assertEquals(List.of(), rec.warnings());
            assertEquals(List.of("signals@10Hz", "signals@5Hz"), rec.streams().stream().map(RecordedStream::id).toList());
            RecordedStream fast = rec.streams().get(0);
            assertEquals(List.of("Sig A", "Sig B"), fast.channelLabels());
            assertEquals(List.of("uV", "mV"), fast.channelUnits());
            assertEquals(40, fast.sampleCount());
            assertEquals(10.25 + 0.9, fast.lastTime(), 1e-12);

            StreamData d = readAll(rec, fast, 7);
            for (int r = 0; r < 4; r++) {
                for (int k = 0; k < 10; k++) {
                    int n = r * 10 + k;
                    int digital = r * 100 + k;
                    assertEquals(DISCONTINUOUS_STARTS[r] + k / 10.0, d.times()[n], 1e-12, "time of sample " + n);
                    assertEquals((float) (digital * 0.1), d.value(n, 0), 1e-6f, "Sig A, sample " + n);
                    assertEquals((float) ((-digital + 2000) / 4000.0), d.value(n, 1), 1e-7f, "Sig B, sample " + n);
                }
            }

            EdfSignal slowSignal = rec.header().signals().get(2);
            assertEquals(50.0, slowSignal.toPhysical(-32768), 1e-12, "digital minimum maps to physical minimum");
            assertEquals(-50.0, slowSignal.toPhysical(32767), 1e-12, "digital maximum maps to physical maximum");
            RecordedStream slow = rec.streams().get(1);
            assertEquals(List.of("Slow"), slow.channelLabels());
            StreamData s = readAll(rec, slow, 3);
            for (int r = 0; r < 4; r++) {
                for (int k = 0; k < 5; k++) {
                    int n = r * 5 + k;
                    double expected = (1000.0 * r + k + 32768) * (-100.0 / 65535.0) + 50;
                    assertEquals(DISCONTINUOUS_STARTS[r] + k / 5.0, s.times()[n], 1e-12);
                    assertEquals((float) expected, s.value(n, 0), 1e-5f, "inverted physical range, sample " + n);
                }
            }

            assertEquals(List.of(
                    new RecordedMarker(0.5, 0.25, "Cue", Kind.ANNOTATION, "EDF Annotations"),
                    new RecordedMarker(4.0, 0.0, "Gap end", Kind.ANNOTATION, "EDF Annotations")), rec.markers());
        }
    }

    @Test
    void aDiscontinuousRecordThatGoesBackInTimeFails() {
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> EdfRecording.open(fixture("discontinuous_backwards.edf")));
        // record 2's annotation block: header 1280 + 2 records x 110 bytes + 50 bytes of samples
        assertMessage(e, "discontinuous_backwards.edf", "record 2", "byte 1550", "starts at 1.5 s", "record 1 ends at 2.0 s");
    }

    @Test
    void talsWithNegativeAndSubSecondOnsetsAndSeveralTexts() throws IOException {
        try (EdfRecording rec = EdfRecording.open(fixture("annotations.edf"))) {
            assertEquals("EDF+C", rec.format());
            assertEquals(List.of(
                    new RecordedMarker(-1.25, 0.5, "Before start", Kind.ANNOTATION, "EDF Annotations"),
                    new RecordedMarker(0.5, 0.0, "Sub second", Kind.ANNOTATION, "EDF Annotations"),
                    new RecordedMarker(0.5, 0.0, "Keeping with text", Kind.ANNOTATION, "EDF Annotations"),
                    new RecordedMarker(0.75, 1.5, "A", Kind.ANNOTATION, "EDF Annotations"),
                    new RecordedMarker(0.75, 1.5, "B", Kind.ANNOTATION, "EDF Annotations"),
                    new RecordedMarker(0.75, 1.5, "C", Kind.ANNOTATION, "EDF Annotations"),
                    new RecordedMarker(0.999, 0.0, "\u00b5-Rhythmus", Kind.ANNOTATION, "EDF Annotations"),
                    new RecordedMarker(1.25, 0.0, "Zero duration", Kind.ANNOTATION, "EDF Annotations")), rec.markers());
            assertEquals(1, rec.streams().size(), "two annotation signals, neither a stream");
            RecordedStream ch1 = rec.streams().get(0);
            assertEquals("signals@4Hz", ch1.id());
            StreamData d = readAll(rec, ch1, 4);
            assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0, 1.25), java.util.Arrays.stream(d.times()).boxed().toList());
            float[] expected = {0, 1, 10, 11, 20, 21};
            for (int n = 0; n < expected.length; n++) {
                assertEquals(expected[n], d.value(n, 0), "digital = physical, sample " + n);
            }
        }
    }

    @Test
    void aTalOnsetWithoutSignFailsWithItsByteOffset() {
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> EdfRecording.open(fixture("bad_tal.edf")));
        // record 1: header 1024 + 124-byte record + 4 bytes of Ch1 + the 25-byte time-keeping TAL
        assertMessage(e, "bad_tal.edf", "malformed TAL at byte 1177", "'0.999' does not start with + or -");
    }

    @Test
    void statusTriggersFollowTheLow16BitRule() throws IOException {
        try (EdfRecording rec = EdfRecording.open(fixture("triggers.bdf"))) {
            assertEquals("BDF+C", rec.format());
            assertEquals(List.of("signals@8Hz", "signals@4Hz"), rec.streams().stream().map(RecordedStream::id).toList());
            // code 3 at sample 0 is the resting level; the high byte changes at samples 5 and 14 are ignored
            assertEquals(List.of(
                    new RecordedMarker(6 / 8.0, 3 / 8.0, "7", Kind.TRIGGER, "Status"),
                    new RecordedMarker(10 / 8.0, 2 / 8.0, "9", Kind.TRIGGER, "Status"),
                    new RecordedMarker(12 / 8.0, 2 / 8.0, "12", Kind.TRIGGER, "Status"),
                    new RecordedMarker(1.6, 0.5, "Stimulus", Kind.ANNOTATION, "BDF Annotations"),
                    new RecordedMarker(20 / 8.0, 4 / 8.0, "65535", Kind.TRIGGER, "Status")), rec.markers());

            StreamData eeg = readAll(rec, rec.streams().get(0), 5);
            int[] digital = {-8388608, 8388607, -1, 0, 1, -2, 123456, -123456};
            for (int n = 0; n < 24; n++) {
                double expected = (digital[n % 8] + 8388608.0) * 524287.0 / 16777215.0 - 262144.0;
                assertEquals((float) expected, eeg.value(n, 0), "24-bit sample " + n);
            }
            assertEquals(-262144f, eeg.value(0, 0));
            assertEquals(262143f, eeg.value(1, 0));
            StreamData exg = readAll(rec, rec.streams().get(1), 64);
            for (int n = 0; n < 12; n++) {
                double expected = (n - 6 + 8388608.0) * 524287.0 / 16777215.0 - 262144.0;
                assertEquals((float) expected, exg.value(n, 0), "EXG1 sample " + n);
                assertEquals(n / 4.0, exg.times()[n], 1e-12);
            }
        }
    }

    @Test
    void cursorsCheckTheirArgumentsAndTheirRecording() throws IOException {
        EdfRecording rec = EdfRecording.open(fixture("annotations.edf"));
        RecordedStream stream = rec.streams().get(0);
        try (SampleCursor cursor = rec.open(stream)) {
            assertEquals(0, cursor.read(new double[1], new float[1], 0));
            assertThrows(IllegalArgumentException.class, () -> cursor.read(new double[2], new float[1], 2));
            assertThrows(IllegalArgumentException.class, () -> cursor.read(new double[1], new float[1], -1));
        }
        RecordedStream foreign = new RecordedStream("signals@4Hz", "", "EEG", 2, 4, List.of(), List.of(), 6, 0, 1.25, "");
        assertThrows(IllegalArgumentException.class, () -> rec.open(foreign));
        SampleCursor open = rec.open(stream);
        rec.close();
        assertThrows(IOException.class, () -> open.read(new double[1], new float[1], 1), "reads after close fail");
        assertThrows(IllegalStateException.class, () -> rec.open(stream));
    }

    static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message lacks '" + part + "': " + e.getMessage());
        }
    }
}
