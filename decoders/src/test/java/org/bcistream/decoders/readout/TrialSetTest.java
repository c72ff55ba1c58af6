package org.bcistream.decoders.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionOutput;
import org.junit.jupiter.api.Test;

class TrialSetTest {

    @Test
    void averagesTheFramesWhoseWindowLiesInsideTheTrial() {
        List<SessionOutput> outputs = new ArrayList<>();
        outputs.add(SessionOutput.of(new MarkerEvent("s", 10.0, MarkerKind.CUE, "A")));
        outputs.add(SessionOutput.of(new MarkerEvent("s", 14.0, MarkerKind.TRIAL_END, "A")));
        outputs.add(SessionOutput.of(new MarkerEvent("s", 20.0, MarkerKind.TEXT, "B")));
        outputs.add(SessionOutput.of(new MarkerEvent("s", 30.0, MarkerKind.CUE, "rest")));
        outputs.add(SessionOutput.of(new MarkerEvent("s", 40.0, MarkerKind.CUE, "A")));
        for (int i = 0; i < 140; i++) {
            double t = 0.25 * i;
            outputs.add(SessionOutput.of(new FeatureFrame("s", i, t, 1, 1, new float[] {(float) t}, 0)));
            outputs.add(SessionOutput.of(new LatentFrame("s", i, t, new float[] {(float) (2 * t)}, new int[] {0}, 0, 0, 1, 0, 0)));
        }
        TrialSet set = new TrialSet(Set.of("A", "B"), 0.5, 3.5, 1.0);
        TrialSet.Cut features = set.cut(outputs, TrialSet::features);
        assertEquals(2, features.trials().size());
        assertEquals(1, features.emptyTrials(), "the cue at 40 s is after the last frame");
        Trial a = features.trials().get(0);
        assertEquals("A", a.label());
        // frames with t - 1 >= 10.5 and t <= 13.5: t = 11.5, 11.75, ..., 13.5 (9 frames), mean 12.5
        assertEquals(9, a.frames());
        assertArrayEquals(new double[] {12.5}, a.mean(), 1e-12);
        assertEquals("B", features.trials().get(1).label());
        assertArrayEquals(new double[] {2 * 22.5}, set.cut(outputs, TrialSet::latentRates).trials().get(1).mean(), 1e-12);
    }

    @Test
    void needsTwoClassesAndAWindow() {
        assertThrows(IllegalArgumentException.class, () -> new TrialSet(Set.of("A"), 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrialSet(Set.of("A", "B"), 2, 1, 1));
    }
}
