package org.bcistream.decoders.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordsTest {
    private static SignalChunk chunk(float[] samples, double... times) {
        return new SignalChunk("s1", "eeg", 2, 250, times, samples, 7L);
    }

    @Test
    void signalChunkRejectsInconsistentShapesWithTheNumbers() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> chunk(new float[5], 0.0, 0.004, 0.008));
        assertEquals("chunk of session s1 has 5 values for 3 time stamps x 2 channels (expected 6)", e.getMessage());
    }

    @Test
    void signalChunkRejectsNaNAndSaysWhere() {
        float[] samples = {1, 2, 3, Float.NaN};
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> chunk(samples, 1.0, 1.004));
        assertEquals("chunk of session s1 has NaN at sample 1 channel 1 (t=1.004000 s)", e.getMessage());
    }

    @Test
    void signalChunkRejectsTimeGoingBackwards() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> chunk(new float[4], 2.0, 1.5));
        assertTrue(e.getMessage().contains("go backwards at index 1: 1.500000 s after 2.000000 s"), e.getMessage());
    }

    @Test
    void signalChunkRejectsBlankSessionNegativeRateAndEmptyChunks() {
        assertThrows(InvalidRecordException.class, () -> new SignalChunk(" ", "eeg", 1, 250, new double[] {0}, new float[1], 0));
        assertThrows(InvalidRecordException.class, () -> new SignalChunk("s", "eeg", 1, -1, new double[] {0}, new float[1], 0));
        assertThrows(InvalidRecordException.class, () -> new SignalChunk("s", "eeg", 1, 250, new double[0], new float[0], 0));
        assertThrows(InvalidRecordException.class, () -> new SignalChunk("s", "eeg", 0, 250, new double[] {0}, new float[0], 0));
    }

    @Test
    void signalChunkIsImmutable() {
        float[] samples = {1, 2, 3, 4};
        double[] times = {0, 0.004};
        SignalChunk c = chunk(samples, times);
        samples[0] = 99;
        times[0] = -5;
        c.samples()[1] = 99;
        c.timestamps()[1] = 99;
        assertEquals(1f, c.sample(0, 0));
        assertEquals(2f, c.sample(0, 1));
        assertEquals(0.0, c.timestamp(0));
        assertEquals(0.004, c.lastTimestamp());
        assertEquals(2, c.sampleCount());
        float[] copy = new float[6];
        c.copySamplesInto(copy, 2);
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4}, copy);
    }

    @Test
    void signalChunkEqualityIsByValue() {
        assertEquals(chunk(new float[] {1, 2}, 0.5), chunk(new float[] {1, 2}, 0.5));
        assertEquals(chunk(new float[] {1, 2}, 0.5).hashCode(), chunk(new float[] {1, 2}, 0.5).hashCode());
        assertNotEquals(chunk(new float[] {1, 2}, 0.5), chunk(new float[] {1, 3}, 0.5));
    }

    @Test
    void spikeEventsValidateUnitsAndSpan() {
        SpikeEvents ok = new SpikeEvents("s", "ns", 4, 1.0, 1.02, new int[] {0, 3}, new double[] {1.0, 1.019}, 0);
        assertEquals(2, ok.spikeCount());
        assertEquals(3, ok.unit(1));
        InvalidRecordException unit = assertThrows(InvalidRecordException.class,
                () -> new SpikeEvents("s", "ns", 4, 1.0, 1.02, new int[] {4}, new double[] {1.01}, 0));
        assertEquals("spike 0 of session s has unit 4, outside [0, 4)", unit.getMessage());
        InvalidRecordException span = assertThrows(InvalidRecordException.class,
                () -> new SpikeEvents("s", "ns", 4, 1.0, 1.02, new int[] {1}, new double[] {1.02}, 0));
        assertTrue(span.getMessage().contains("outside [1.000000, 1.020000) s"), span.getMessage());
    }

    @Test
    void featureFrameValidatesShapeAndValues() {
        FeatureFrame f = new FeatureFrame("s", 3, 1.5, 2, 3, new float[] {1, 2, 3, 4, 5, 6}, 0);
        assertEquals(6f, f.value(1, 2));
        InvalidRecordException shape = assertThrows(InvalidRecordException.class,
                () -> new FeatureFrame("s", 0, 1.5, 2, 3, new float[5], 0));
        assertEquals("frame 0 of session s has 5 values for 2 x 3", shape.getMessage());
        InvalidRecordException inf = assertThrows(InvalidRecordException.class,
                () -> new FeatureFrame("s", 0, 1.5, 1, 2, new float[] {0, Float.POSITIVE_INFINITY}, 0));
        assertEquals("frame 0 of session s has Infinity at row 0 column 1", inf.getMessage());
    }

    @Test
    void latentFrameValidates() {
        LatentFrame l = new LatentFrame("s", 0, 2.0, new float[] {0.5f, 1.5f}, new int[] {0, 3}, 12.5, -0.25, 1, 5, 5);
        assertEquals(2, l.latentCount());
        assertThrows(InvalidRecordException.class, () -> new LatentFrame("s", 0, 2.0, new float[] {-1f}, new int[] {0}, 1, 0, 1, 0, 0));
        assertThrows(InvalidRecordException.class, () -> new LatentFrame("s", 0, 2.0, new float[] {1f}, new int[] {0, 1}, 1, 0, 1, 0, 0));
        assertThrows(InvalidRecordException.class, () -> new LatentFrame("s", 0, 2.0, new float[] {1f}, new int[] {0}, Double.NaN, 0, 1, 0, 0));
        assertThrows(InvalidRecordException.class, () -> new LatentFrame("s", 0, 2.0, new float[] {1f}, new int[] {0}, 1, Double.NaN, 1, 0, 0));
        assertThrows(InvalidRecordException.class, () -> new LatentFrame("s", 0, 2.0, new float[] {1f}, new int[] {0}, 1, 0, 1, 9, 8));
        assertThrows(InvalidRecordException.class, () -> new LatentFrame("s", -1, 2.0, new float[] {1f}, new int[] {0}, 1, 0, 1, 0, 0));
        assertThrows(InvalidRecordException.class, () -> new LatentFrame("s", 0, 2.0, new float[] {1f}, new int[] {0}, 1, 0, 0, 0, 0));
    }

    @Test
    void decodedOutputKnowsWhetherItMetItsDeadline() {
        LatencyBreakdown latency = new LatencyBreakdown(0, 1_000_000, 2_000_000, 40_000_000, 45_000_000);
        assertEquals(45_000_000, latency.endToEndNanos());
        assertTrue(DecodedOutput.generated("s", 0, "A", OutputKind.IMAGE, new byte[] {1}, 4, 50_000_000, latency).deadlineMet());
        assertFalse(DecodedOutput.generated("s", 0, "A", OutputKind.IMAGE, new byte[] {1}, 4, 40_000_000, latency).deadlineMet());
        assertFalse(DecodedOutput.notGenerated("s", 1, "", OutputKind.IMAGE, GenerationStatus.SKIPPED_QUEUE_FULL, 50_000_000,
                latency).deadlineMet(), "a skipped request never meets its deadline");
        InvalidRecordException order = assertThrows(InvalidRecordException.class, () -> new LatencyBreakdown(0, 5, 4, 6, 7));
        assertTrue(order.getMessage().contains("ingest=5 latent=4"), order.getMessage());
        assertThrows(InvalidRecordException.class,
                () -> DecodedOutput.generated("s", 0, "", OutputKind.SPEECH, new byte[0], 1, 1, latency));
        assertThrows(InvalidRecordException.class, () -> new DecodedOutput("s", 0, "", OutputKind.SPEECH,
                GenerationStatus.FAILED, new byte[] {1}, 0, 1, latency));
        assertThrows(InvalidRecordException.class,
                () -> DecodedOutput.generated("s", -1, "", OutputKind.SPEECH, new byte[] {1}, 1, 1, latency));
    }

    @Test
    void unionsHoldExactlyOneEvent() {
        MarkerEvent m = new MarkerEvent("s", 1.25, MarkerKind.CUE, "A");
        assertEquals("s", SessionEvent.of(m).sessionId());
        assertEquals(1.25, SessionEvent.of(m).time());
        assertEquals(0.5, SessionEvent.of(chunk(new float[] {1, 2}, 0.5)).time());
        assertThrows(InvalidRecordException.class, () -> new SessionEvent(null, null, null));
        assertThrows(InvalidRecordException.class, () -> new SessionEvent(chunk(new float[] {1, 2}, 0.5), null, m));
        assertThrows(InvalidRecordException.class, () -> new SessionOutput(null, null, null, null));
        assertThrows(InvalidRecordException.class, () -> new SessionOutput(null, m, new LatentFrame("s", 0, 1, new float[] {1}, new int[] {0}, 0, 0, 1, 0, 0), null));
        assertEquals("s", SessionOutput.of(new LatentFrame("s", 0, 1, new float[] {1}, new int[] {0}, 0, 0, 1, 0, 0)).sessionId());
        assertThrows(InvalidRecordException.class, () -> new MarkerEvent("s", Double.NaN, MarkerKind.TEXT, "x"));
    }
}
