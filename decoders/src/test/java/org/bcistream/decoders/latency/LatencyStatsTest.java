package org.bcistream.decoders.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.bcistream.decoders.latency.LatencyStats.Stage;
import org.bcistream.decoders.record.LatencyBreakdown;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    /** Output i: acquisition 0, ingest 2 ms, latent +1 ms, generated + i ms, emitted +1 ms. */
    private static LatencyBreakdown output(int i) {
        long ms = 1_000_000;
        return new LatencyBreakdown(0, 2 * ms, 3 * ms, (3 + i) * ms, (4 + i) * ms);
    }

    @Test
    void percentilesPerStageAndMisses() {
        LatencyStats stats = new LatencyStats();
        for (int i = 1; i <= 100; i++) {
            stats.record(output(i), i <= 90);
        }
        assertEquals(100, stats.outputs());
        assertEquals(10, stats.deadlineMisses());
        assertEquals(2.0, stats.percentileNanos(Stage.ACQUISITION_TO_INGEST, 99) / 1e6, 0.01);
        assertEquals(50.0, stats.percentileNanos(Stage.LATENT_TO_GENERATED, 50) / 1e6, 0.05);
        assertEquals(90.0, stats.percentileNanos(Stage.LATENT_TO_GENERATED, 90) / 1e6, 0.1);
        assertEquals(104.0, stats.maxNanos(Stage.END_TO_END) / 1e6, 0.1);
        String report = stats.report();
        assertTrue(report.contains("deadline misses      10 of 100 outputs"), report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("  end to end") && l.contains("104.")), report);
    }

    @Test
    void tasksMergeAndStatsSurviveSerialisation() throws Exception {
        LatencyStats a = new LatencyStats();
        LatencyStats b = new LatencyStats();
        a.record(output(10), true);
        b.record(output(30), false);
        a.merge(b);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        LatencyStats copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (LatencyStats) in.readObject();
        }
        assertEquals(2, copy.outputs());
        assertEquals(1, copy.deadlineMisses());
        assertEquals(34.0, copy.maxNanos(Stage.END_TO_END) / 1e6, 0.05);
        assertEquals(a.report(), copy.report());
    }

    @Test
    void emptyStatsReportZeros() {
        assertEquals(0, new LatencyStats().percentileNanos(Stage.END_TO_END, 99));
        assertTrue(new LatencyStats().report().contains("0 of 0 outputs"));
    }
}
