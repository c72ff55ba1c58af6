package org.bcistream.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    private static final String NL = System.lineSeparator();

    @Test
    void readsLongAndIntegerCountersByTheirAccumulatorNames() {
        Map<String, Object> accumulators = new HashMap<>();
        accumulators.put("sessions", 2);
        accumulators.put("chunks", 150L);
        accumulators.put("samples", 1500L);
        accumulators.put("spikeEvents", 0);
        accumulators.put("markers", 4);
        accumulators.put("frames", 10L);
        accumulators.put("rejected", 1L);
        accumulators.put("unrelated", 99L);
        assertEquals(new RunSummary(2, 150, 1500, 0, 4, 10, 1, 0, 0, 0, 0, 2.0), RunSummary.of(accumulators, 2.0));
    }

    @Test
    void missingOrNonNumericCountersAreZero() {
        Map<String, Object> accumulators = new HashMap<>();
        accumulators.put("chunks", "150");
        accumulators.put("frames", null);
        assertEquals(new RunSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.5), RunSummary.of(accumulators, 1.5));
        assertEquals(new RunSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), RunSummary.of(Map.of(), 0));
    }

    @Test
    void accumulatorNames() {
        assertEquals("sessions", RunSummary.SESSIONS);
        assertEquals("chunks", RunSummary.CHUNKS);
        assertEquals("samples", RunSummary.SAMPLES);
        assertEquals("spikeEvents", RunSummary.SPIKE_EVENTS);
        assertEquals("markers", RunSummary.MARKERS);
        assertEquals("frames", RunSummary.FRAMES);
        assertEquals("rejected", RunSummary.REJECTED);
    }

    @Test
    void reportCarriesTheNumbersAndThroughput() {
        RunSummary summary = RunSummary.of(Map.of("sessions", 2, "chunks", 150L, "samples", 1500L, "markers", 4, "frames", 10L), 2.0);
        assertEquals("run summary" + NL
                + "  sessions      2" + NL
                + "  chunks        150 (1500 samples)" + NL
                + "  markers       4" + NL
                + "  frames        10" + NL
                + "  rejected      0" + NL
                + "  wall time     2.00 s" + NL
                + "  throughput    75 chunks/s, 750 samples/s, 5.0 frames/s", summary.report());
    }

    @Test
    void reportNamesSpikeEventBlocksWhenThereAreAny() {
        RunSummary summary = new RunSummary(1, 0, 0, 26, 2, 50, 3, 0, 0, 0, 0, 0.5);
        assertEquals("run summary" + NL
                + "  sessions      1" + NL
                + "  chunks        0 (0 samples, 26 spike-event blocks)" + NL
                + "  markers       2" + NL
                + "  frames        50" + NL
                + "  rejected      3" + NL
                + "  wall time     0.50 s" + NL
                + "  throughput    0 chunks/s, 0 samples/s, 100.0 frames/s", summary.report());
    }

    @Test
    void reportOfAZeroWallTimeDoesNotDivideByZero() {
        String report = new RunSummary(1, 10, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0.0).report();
        assertEquals("  throughput    10000000000 chunks/s, 100000000000 samples/s, 0.0 frames/s", report.lines().toList().get(7));
    }

    @Test
    void progressLine() {
        assertEquals("[    2.0 s] sessions 2  chunks 150  samples 1500  frames 10  markers 4",
                new RunSummary(2, 150, 1500, 0, 4, 10, 0, 0, 0, 0, 0, 2.0).progressLine());
        assertEquals("[  123.5 s] sessions 1  chunks 5  samples 50  frames 0  markers 0  rejected 7",
                new RunSummary(1, 5, 50, 0, 0, 0, 7, 0, 0, 0, 0, 123.45).progressLine());
    }

    @Test
    void generationsAreReportedWithTheirMisses() {
        RunSummary summary = RunSummary.of(Map.of(RunSummary.GENERATED, 9L, RunSummary.DEADLINES_MISSED, 4L,
                RunSummary.GENERATIONS_SKIPPED, 2L, RunSummary.GENERATIONS_FAILED, 1L), 1.0);
        assertEquals("  generations   9 generated, 4 deadlines missed (2 skipped: queue full, 1 failed)",
                summary.report().lines().toList().get(8));
        assertEquals("[    1.0 s] sessions 0  chunks 0  samples 0  frames 0  markers 0  generated 9  missed 4", summary.progressLine());
    }
}
