package org.bcistream.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.bcistream.decoders.record.LatentFrame;
import org.junit.jupiter.api.Test;

class LatentSummaryTest {
    private static LatentFrame frame(String session, double r2, int[] spikes, float... rates) {
        return new LatentFrame(session, 0, 1.0, rates, spikes, 0, r2, 1, 0, 0);
    }

    @Test
    void reportsMeansPerSessionAndWarnsAboutSaturatedFrames() {
        LatentSummary a = new LatentSummary();
        a.add(frame("s1", 0.5, new int[] {1, 0}, 1f, 0f));
        a.add(frame("s1", 0.7, new int[] {0, 0}, 0f, 0f));
        LatentSummary b = new LatentSummary();
        b.add(frame("s2", -1.0, new int[] {5, 2}, 20000f, 3f));
        a.merge(b);
        String nl = System.lineSeparator();
        assertEquals(nl + "  latents                frames   mean R2  zero spikes  saturated"
                + nl + "  s1                          2     0.600        75.0%          0"
                + nl + "  s2                          1    -1.000         0.0%          1"
                + nl + "  all sessions                3     0.067        50.0%          1"
                + nl + "  warning: 1 latent frames had a rate above 8103, near the ceiling: the posterior ran away there; "
                + "train with a larger --beta or more --steps",
                LatentSummary.report(Map.of(LatentSummary.NAME, a.getLocalValue())));
        assertEquals("", LatentSummary.report(Map.of()));
    }
}
