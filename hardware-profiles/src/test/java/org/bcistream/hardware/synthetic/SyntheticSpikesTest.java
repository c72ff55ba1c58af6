package org.bcistream.hardware.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bcistream.hardware.DeviceProfile;
import org.junit.jupiter.api.Test;

/** Firing statistics of the intracortical synthetic subject (128 units at 30 kHz). */
class SyntheticSpikesTest {
    private static final DeviceProfile PROFILE = TestProfiles.neuroport128();
    private static final int TARGETS = 10;

    @Test
    void ratesMatchBaselineAtRestAndTuningDuringImagery() {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withSeed(3).withSnrDb(10);
        SyntheticSubject subject = SyntheticSubject.create(PROFILE, config);
        Recording r = Recording.of(subject, Recording.blocksFor(subject, 60 * 7.0));
        int units = PROFILE.channelCount();
        double[] restSpikes = new double[units];
        double[][] imagerySpikes = new double[TARGETS][units];
        double[] imagerySeconds = new double[TARGETS];
        double restSeconds = 0;
        List<SyntheticCue> cues = r.cues;
        double start = 0;
        int spike = 0;
        double end = r.blocks.get(r.blocks.size() - 1).endTime();
        for (int k = 0; k <= cues.size(); k += 2) {
            double cue = k < cues.size() ? cues.get(k).time() : end;
            restSeconds += cue - start;
            for (; spike < r.spikeTimes.length && r.spikeTimes[spike] < cue; spike++) {
                restSpikes[r.spikeUnits[spike]]++;
            }
            if (k + 1 >= cues.size()) {
                break;
            }
            int target = cues.get(k).targetIndex();
            double trialEnd = cues.get(k + 1).time();
            imagerySeconds[target] += trialEnd - cue;
            for (; spike < r.spikeTimes.length && r.spikeTimes[spike] < trialEnd; spike++) {
                imagerySpikes[target][r.spikeUnits[spike]]++;
            }
            start = trialEnd;
        }

        double[] baseline = subject.baselineRatesHz();
        double expectedRest = 0;
        double observedRest = 0;
        for (int u = 0; u < units; u++) {
            assertTrue(baseline[u] >= 2 && baseline[u] <= 20, "baseline " + baseline[u]);
            expectedRest += baseline[u] * restSeconds;
            observedRest += restSpikes[u];
        }
        assertEquals(1.0, observedRest / expectedRest, 0.02, "pooled rest rate relative to the baselines");

        double expectedImagery = 0;
        double observedImagery = 0;
        int tunedUnits = 0;
        for (int u = 0; u < units; u++) {
            double lowest = Double.POSITIVE_INFINITY;
            double highest = 0;
            double lowestTrue = Double.POSITIVE_INFINITY;
            double highestTrue = 0;
            for (int k = 0; k < TARGETS; k++) {
                double truth = subject.imageryRatesHz(k)[u];
                double observed = imagerySpikes[k][u] / imagerySeconds[k];
                expectedImagery += truth * imagerySeconds[k];
                observedImagery += imagerySpikes[k][u];
                lowest = Math.min(lowest, observed);
                highest = Math.max(highest, observed);
                lowestTrue = Math.min(lowestTrue, truth);
                highestTrue = Math.max(highestTrue, truth);
            }
            if (highestTrue > 3 * lowestTrue && baseline[u] > 5) {
                tunedUnits++;
                assertTrue(highest > 2 * lowest, "unit " + u + " observed rates " + lowest + ".." + highest);
            }
        }
        assertTrue(tunedUnits > 10, "strongly tuned units " + tunedUnits);
        assertEquals(1.0, observedImagery / expectedImagery, 0.02, "pooled imagery rate relative to the tuning");
    }

    @Test
    void tuningDepthFollowsTheDifficulty() {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults();
        double easy = meanTuningRatio(SyntheticSubject.create(PROFILE, config.withSnrDb(10)));
        double hard = meanTuningRatio(SyntheticSubject.create(PROFILE, config.withSnrDb(-30)));
        assertTrue(easy > 3, "max/min rate over targets at +10 dB " + easy);
        assertTrue(hard < 1.1, "max/min rate over targets at -30 dB " + hard);
    }

    private static double meanTuningRatio(SyntheticSubject subject) {
        double sum = 0;
        int units = PROFILE.channelCount();
        for (int u = 0; u < units; u++) {
            double lowest = Double.POSITIVE_INFINITY;
            double highest = 0;
            for (int k = 0; k < TARGETS; k++) {
                lowest = Math.min(lowest, subject.imageryRatesHz(k)[u]);
                highest = Math.max(highest, subject.imageryRatesHz(k)[u]);
            }
            sum += highest / lowest;
        }
        return sum / units;
    }
}
