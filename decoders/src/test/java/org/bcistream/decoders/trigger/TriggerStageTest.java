package org.bcistream.decoders.trigger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.junit.jupiter.api.Test;

class TriggerStageTest {
    private static int index;

    /** A 2-latent frame at time t with rates (a, b) and free energy f; ingested at t s (as ns), computed 1 ms later. */
    private static LatentFrame frame(double t, float a, float b, double f) {
        long ingest = (long) (t * 1e9);
        return new LatentFrame("s", index++, t, new float[] {a, b}, new int[] {0, 1}, f, 0.5, 1, ingest, ingest + 1_000_000);
    }

    private static MarkerEvent marker(double t, MarkerKind kind, String label) {
        return new MarkerEvent("s", t, kind, label);
    }

    @Test
    void perCueAveragesTheTrialsFramesAfterTheSettleTime() {
        TriggerStage stage = new TriggerStage(new TriggerMode.PerCue(0.5), 2);
        TriggerState state = stage.newState();
        List<GenerationRequest> out = new ArrayList<>();
        assertEquals(Optional.empty(), stage.onLatent(frame(0.5, 9, 9, 1), state)); // before any cue
        stage.onMarker(marker(1.0, MarkerKind.CUE, "A"), state, 0).ifPresent(out::add);
        stage.onLatent(frame(1.25, 100, 100, 1), state).ifPresent(out::add); // within the settle time
        stage.onLatent(frame(1.5, 1, 2, 1), state).ifPresent(out::add);
        stage.onLatent(frame(1.75, 3, 4, 1), state).ifPresent(out::add);
        stage.onMarker(marker(2.0, MarkerKind.TRIAL_END, "A"), state, 2_500_000_000L).ifPresent(out::add);
        stage.onLatent(frame(2.25, 50, 50, 1), state).ifPresent(out::add); // after the trial
        stage.onMarker(marker(3.0, MarkerKind.CUE, "B"), state, 0).ifPresent(out::add); // nothing open: no request
        stage.onLatent(frame(3.75, 5, 5, 1), state).ifPresent(out::add);
        stage.onMarker(marker(4.0, MarkerKind.CUE, "C"), state, 4_100_000_000L).ifPresent(out::add); // a cue closes B
        assertEquals(2, out.size());
        GenerationRequest a = out.get(0);
        assertEquals(0, a.index());
        assertEquals("A", a.target());
        assertArrayEquals(new float[] {2, 3}, a.condition());
        assertEquals(2, a.frames());
        assertEquals(2.0, a.sourceTime());
        assertEquals(1_750_000_000L, a.ingestNanos());
        assertEquals(2_500_000_000L, a.latentNanos());
        assertEquals("B", out.get(1).target());
        assertEquals(1, out.get(1).index());
        assertArrayEquals(new float[] {5, 5}, out.get(1).condition());
    }

    @Test
    void cadenceEmitsEveryNFramesOverTheRecentWindow() {
        TriggerStage stage = new TriggerStage(new TriggerMode.Cadence(2, 3), 2);
        TriggerState state = stage.newState();
        List<GenerationRequest> out = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            stage.onLatent(frame(i, i, 10 * i, 1), state).ifPresent(out::add);
        }
        assertEquals(3, out.size());
        assertArrayEquals(new float[] {1.5f, 15f}, out.get(0).condition()); // frames 1, 2
        assertArrayEquals(new float[] {3f, 30f}, out.get(1).condition()); // frames 2, 3, 4
        assertArrayEquals(new float[] {5f, 50f}, out.get(2).condition()); // frames 4, 5, 6
        assertEquals(List.of(0L, 1L, 2L), out.stream().map(GenerationRequest::index).toList());
        assertEquals(6.0, out.get(2).sourceTime());
        // markers do nothing in cadence mode
        assertEquals(Optional.empty(), stage.onMarker(marker(8, MarkerKind.CUE, "A"), state, 0));
    }

    @Test
    void confidenceFiresOnceWhenTheFreeEnergySettlesAndRearmsOnChange() {
        TriggerStage stage = new TriggerStage(new TriggerMode.Confidence(0.01, 2), 2);
        TriggerState state = stage.newState();
        double[] energies = {100, 50, 49.9, 49.85, 49.84, 49.84, 80, 79.95, 79.9};
        List<GenerationRequest> out = new ArrayList<>();
        for (int i = 0; i < energies.length; i++) {
            stage.onLatent(frame(i, i, i, energies[i]), state).ifPresent(out::add);
        }
        // settled at frames 2 and 3 -> one request; 4, 5 settled but disarmed; 6 jumps and re-arms; 7, 8 settle again
        assertEquals(2, out.size());
        assertArrayEquals(new float[] {2.5f, 2.5f}, out.get(0).condition());
        assertEquals(3.0, out.get(0).sourceTime());
        assertArrayEquals(new float[] {7.5f, 7.5f}, out.get(1).condition());
    }

    @Test
    void statesArePerSessionAndBadInputIsNamed() {
        TriggerStage stage = new TriggerStage(new TriggerMode.Cadence(1, 1), 2);
        TriggerState one = stage.newState();
        TriggerState two = stage.newState();
        assertEquals(0, stage.onLatent(frame(1, 1, 1, 1), one).orElseThrow().index());
        assertEquals(1, stage.onLatent(frame(2, 1, 1, 1), one).orElseThrow().index());
        assertEquals(0, stage.onLatent(frame(1, 1, 1, 1), two).orElseThrow().index());
        LatentFrame three = new LatentFrame("s", 0, 1, new float[] {1, 2, 3}, new int[3], 1, 0, 1, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stage.onLatent(three, one));
        assertTrue(e.getMessage().contains("has 3 latents; the trigger was built for 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TriggerMode.Cadence(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TriggerMode.Confidence(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TriggerMode.PerCue(-1));
    }
}
