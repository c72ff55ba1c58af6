package org.bcistream.hardware.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.bcistream.hardware.DeviceProfile;
import org.junit.jupiter.api.Test;

/** Spectral and statistical sanity of the synthetic EEG (Cyton layout: Fp1 Fp2 C3 C4 P7 P8 O1 O2). */
class SyntheticEegSignalTest {
    private static final int FP1 = 0;
    private static final int FP2 = 1;
    private static final int O1 = 6;
    private static final int O2 = 7;

    /** Background only: no rhythms, mains, artifacts, and target activity 60 dB below the background. */
    private static SyntheticSubjectConfig backgroundOnly() {
        return SyntheticSubjectConfig.defaults().withAlphaUv(0).withLineNoiseUv(0).withArtifacts(0, 0).withSnrDb(-60);
    }

    private static Recording record(DeviceProfile profile, SyntheticSubjectConfig config, double seconds) {
        SyntheticSubject subject = SyntheticSubject.create(profile, config);
        return Recording.of(subject, Recording.blocksFor(subject, seconds));
    }

    @Test
    void backgroundHasRealisticAmplitudeAndAOneOverFSpectrum() {
        Recording r = record(TestProfiles.cyton(), backgroundOnly(), 600);
        for (int c = 0; c < 8; c++) {
            double rms = Math.sqrt(mean(r.channels[c], x -> x * x));
            assertTrue(rms > 10 && rms < 30, "channel " + c + " RMS " + rms + " uV");
            double slope = logLogSlope(r, c, 2, 40);
            assertTrue(slope > -1.3 && slope < -0.7, "channel " + c + " slope " + slope);
        }
    }

    @Test
    void fullSignalKeepsAOneOverFLikeSlope() {
        Recording r = record(TestProfiles.cyton(), SyntheticSubjectConfig.defaults(), 600);
        for (int c = 0; c < 8; c++) {
            double slope = logLogSlope(r, c, 2, 40);
            assertTrue(slope > -2.5 && slope < -0.5, "channel " + c + " slope " + slope);
        }
    }

    @Test
    void backgroundChannelsAreSpatiallyCorrelated() {
        Recording r = record(TestProfiles.cyton(), backgroundOnly(), 120);
        double strongest = 0;
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                strongest = Math.max(strongest, Math.abs(correlation(r.channels[a], r.channels[b])));
            }
        }
        assertTrue(strongest > 0.3, "largest inter-channel correlation " + strongest);
    }

    @Test
    void mainsIsAClearPeakWhenOnAndAbsentWhenOff() {
        for (double mains : new double[] {50, 60}) {
            SyntheticSubjectConfig on = SyntheticSubjectConfig.defaults().withMainsHz(mains).withLineNoiseUv(10);
            Recording withLine = record(TestProfiles.cyton(), on, 300);
            Recording without = record(TestProfiles.cyton(), on.withLineNoiseUv(0), 300);
            for (int c = 0; c < 8; c++) {
                double neighbours = (withLine.welch(c, mains - 4) + withLine.welch(c, mains + 4)) / 2;
                assertTrue(withLine.welch(c, mains) > 20 * neighbours,
                        "channel " + c + ": " + withLine.welch(c, mains) + " vs " + neighbours);
                double quiet = (without.welch(c, mains - 4) + without.welch(c, mains + 4)) / 2;
                assertTrue(without.welch(c, mains) < 2 * quiet,
                        "channel " + c + " without mains: " + without.welch(c, mains) + " vs " + quiet);
            }
        }
    }

    @Test
    void alphaDominatesItsNeighbourBandsOnPosteriorChannels() {
        Recording r = record(TestProfiles.cyton(), SyntheticSubjectConfig.defaults(), 300);
        for (int c : new int[] {O1, O2}) {
            double alpha = r.band(c, 8, 12);
            double theta = r.band(c, 4, 6);
            double beta = r.band(c, 15, 20);
            assertTrue(alpha > 1.5 * theta, "channel " + c + " alpha " + alpha + " theta " + theta);
            assertTrue(alpha > 1.5 * beta, "channel " + c + " alpha " + alpha + " beta " + beta);
        }
        assertTrue(r.band(O1, 8, 12) > 2 * r.band(FP1, 8, 12), "alpha is posterior");
    }

    @Test
    void alphaWaxesAndWanes() {
        Recording r = record(TestProfiles.cyton(), SyntheticSubjectConfig.defaults().withArtifacts(0, 0), 300);
        double[] power = perSecondPower(r, O1, 9, 11);
        double ratio = power[power.length * 9 / 10] / power[power.length / 10];
        assertTrue(ratio > 4, "90th/10th percentile of one-second alpha power: " + ratio);
    }

    @Test
    void blinksAppearAtTheConfiguredRateOnFrontalChannels() {
        double perMinute = 20;
        double minutes = 10;
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withArtifacts(perMinute, 0);
        Recording r = record(TestProfiles.cyton(), config, minutes * 60);
        double expected = perMinute * minutes;
        for (int c : new int[] {FP1, FP2}) {
            int blinks = countBlinks(r.channels[c]);
            assertTrue(blinks > 0.8 * expected && blinks < 1.2 * expected, "channel " + c + ": " + blinks + " blinks");
        }
        for (int c : new int[] {O1, O2}) {
            int blinks = countBlinks(r.channels[c]);
            assertTrue(blinks < 0.1 * expected, "posterior channel " + c + ": " + blinks + " blinks");
        }
        Recording none = record(TestProfiles.cyton(), config.withArtifacts(0, 0), minutes * 60);
        assertTrue(countBlinks(none.channels[FP1]) < 0.05 * expected, "blinks without blinks");
    }

    @Test
    void blinksUseTheFirstChannelsWhenLabelsAreNot1020() {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withArtifacts(20, 0).withAlphaUv(0);
        Recording r = record(TestProfiles.auxRich(), config, 300);
        int first = countBlinks(r.channels[0]);
        int last = countBlinks(r.channels[3]);
        assertTrue(first > 70 && first < 130, "first channel " + first);
        assertTrue(last < 10, "last channel " + last);
    }

    @Test
    void emgBurstsAddEpisodicHighFrequencyPowerOnTemporalChannels() {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withArtifacts(0, 10).withLineNoiseUv(0);
        Recording with = record(TestProfiles.muse2(), config, 300);
        Recording without = record(TestProfiles.muse2(), config.withArtifacts(0, 0), 300);
        for (int temporal : new int[] {0, 3}) { // TP9, TP10
            double[] high = perSecondPower(with, temporal, 70, 110);
            double[] quiet = perSecondPower(without, temporal, 70, 110);
            double peakRatio = high[high.length * 98 / 100] / quiet[quiet.length * 98 / 100];
            double medianRatio = high[high.length / 2] / quiet[quiet.length / 2];
            assertTrue(peakRatio > 4, "98th percentile of 70-110 Hz power, with/without EMG: " + peakRatio);
            assertTrue(medianRatio < 1.3, "EMG comes in bursts; median ratio " + medianRatio);
            double lowRatio = with.band(temporal, 2, 6) / without.band(temporal, 2, 6);
            assertTrue(lowRatio < 1.2, "EMG is high-frequency; 2-6 Hz ratio " + lowRatio);
        }
    }

    @Test
    void snrIsTheTargetActivityPowerRelativeToTheBackgroundPower() {
        for (double snrDb : new double[] {0, 6}) {
            Recording r = record(TestProfiles.cyton(), backgroundOnly().withSnrDb(snrDb), 80 * 7.0);
            double imagery = 0;
            double rest = 0;
            long imagerySamples = 0;
            long restSamples = 0;
            int position = 0;
            for (int k = 0; k + 1 < r.cues.size(); k += 2) {
                int cue = (int) r.cues.get(k).sampleIndex();
                int end = (int) r.cues.get(k + 1).sampleIndex();
                for (double[] channel : r.channels) {
                    for (int i = position; i < cue; i++) {
                        rest += channel[i] * channel[i];
                    }
                    for (int i = cue; i < end; i++) {
                        imagery += channel[i] * channel[i];
                    }
                }
                restSamples += cue - position;
                imagerySamples += end - cue;
                position = end;
            }
            double ratio = (imagery / imagerySamples) / (rest / restSamples) - 1;
            double expected = Math.pow(10, snrDb / 10);
            assertEquals(expected, ratio, 0.2 * expected, "class/background power at " + snrDb + " dB");
        }
    }

    @Test
    void targetsAreSeparableAtHighSnrAndNotAtVeryLowSnr() {
        double high = nearestMeanAccuracy(10);
        double low = nearestMeanAccuracy(-30);
        assertTrue(high > 0.8, "accuracy at +10 dB " + high);
        assertTrue(low < 0.3, "accuracy at -30 dB " + low);
    }

    @Test
    void auxiliaryChannelsCarryPlausibleValues() {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withTiming(1, 1, 0.5);
        DeviceProfile profile = TestProfiles.auxRich();
        Recording r = record(profile, config, 60);
        int n = r.channels[0].length;
        double[] gravity = new double[n];
        for (int i = 0; i < n; i++) {
            double x = r.channels[4][i];
            double y = r.channels[5][i];
            double z = r.channels[6][i];
            gravity[i] = Math.sqrt(x * x + y * y + z * z);
        }
        assertEquals(1.0, mean(gravity, g -> g), 0.01);
        assertTrue(mean(r.channels[6], z -> z) > 0.9, "z axis carries most of gravity");
        assertEquals(0, mean(r.channels[7], g -> g), 0.05);
        assertTrue(mean(r.channels[8], p -> p) > 40_000);
        for (int i = 0; i < n; i++) {
            assertEquals(i % 256, r.channels[10][i], "counter at sample " + i);
        }
        List<SyntheticCue> cues = r.cues;
        for (int k = 0; k + 1 < cues.size(); k += 2) {
            int cue = (int) cues.get(k).sampleIndex();
            int end = (int) cues.get(k + 1).sampleIndex();
            assertEquals(1 + cues.get(k).targetIndex(), r.channels[9][cue]);
            assertEquals(1 + cues.get(k).targetIndex(), r.channels[9][end - 1]);
            assertEquals(0, r.channels[9][end]);
            assertEquals(0, r.channels[9][cue - 1]);
        }
        Recording off = record(profile, config.withAuxSignals(false), 10);
        for (int c = 4; c < profile.channelCount(); c++) {
            for (double v : off.channels[c]) {
                assertEquals(0.0, v);
            }
        }
    }

    /**
     * Trains a nearest-class-mean classifier on log band powers (5 bands x 8 channels over the imagery
     * window) of the first half of the trials and returns its accuracy on the second half.
     */
    private static double nearestMeanAccuracy(double snrDb) {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withSeed(99).withSnrDb(snrDb);
        SyntheticSubject subject = SyntheticSubject.create(TestProfiles.cyton(), config);
        Recording r = Recording.of(subject, Recording.blocksFor(subject, 100 * 7.0));
        int[][] bands = {{4, 7}, {8, 12}, {13, 20}, {21, 30}, {31, 38}};
        int trials = 100;
        double[][] features = new double[trials][];
        int[] labels = new int[trials];
        for (int t = 0; t < trials; t++) {
            SyntheticCue cue = r.cues.get(2 * t);
            SyntheticCue end = r.cues.get(2 * t + 1);
            int from = (int) cue.sampleIndex();
            int length = (int) (end.sampleIndex() - cue.sampleIndex());
            labels[t] = cue.targetIndex();
            features[t] = new double[bands.length * 8];
            for (int c = 0; c < 8; c++) {
                for (int b = 0; b < bands.length; b++) {
                    double sum = 0;
                    for (int f = bands[b][0]; f <= bands[b][1]; f++) {
                        sum += Recording.power(r.channels[c], from, length, f, 250);
                    }
                    features[t][c * bands.length + b] = Math.log(sum);
                }
            }
        }
        double[][] means = new double[10][features[0].length];
        int[] counts = new int[10];
        for (int t = 0; t < trials / 2; t++) {
            counts[labels[t]]++;
            for (int f = 0; f < features[t].length; f++) {
                means[labels[t]][f] += features[t][f];
            }
        }
        for (int k = 0; k < 10; k++) {
            assertEquals(5, counts[k], "balanced training set");
            for (int f = 0; f < means[k].length; f++) {
                means[k][f] /= counts[k];
            }
        }
        int correct = 0;
        for (int t = trials / 2; t < trials; t++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 10; k++) {
                double d = 0;
                for (int f = 0; f < features[t].length; f++) {
                    d += (features[t][f] - means[k][f]) * (features[t][f] - means[k][f]);
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            correct += best == labels[t] ? 1 : 0;
        }
        return correct / (double) (trials / 2);
    }

    /** Sorted power in {@code lowHz..highHz} (whole hertz) of each one-second window. */
    private static double[] perSecondPower(Recording r, int channel, int lowHz, int highHz) {
        int step = Math.max(1, (highHz - lowHz) / 8);
        int second = (int) r.rate;
        double[] power = new double[r.channels[channel].length / second];
        for (int i = 0; i < power.length; i++) {
            for (int f = lowHz; f <= highHz; f += step) {
                power[i] += Recording.power(r.channels[channel], i * second, second, f, r.rate);
            }
        }
        Arrays.sort(power);
        return power;
    }

    /** Upward crossings of 60 uV by the 0.1 s moving average, at least 0.25 s apart. */
    private static int countBlinks(double[] x) {
        int window = 25;
        int count = 0;
        int lastCrossing = -1000;
        double sum = 0;
        boolean above = false;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] - (i >= window ? x[i - window] : 0);
            double average = sum / window;
            if (!above && average > 60 && i - lastCrossing > 62) {
                count++;
                lastCrossing = i;
            }
            above = average > 60;
        }
        return count;
    }

    /** Least-squares slope of log power against log frequency over whole hertz {@code low..high}. */
    private static double logLogSlope(Recording r, int channel, int low, int high) {
        int n = high - low + 1;
        double[] lx = new double[n];
        double[] ly = new double[n];
        for (int i = 0; i < n; i++) {
            lx[i] = Math.log(low + i);
            ly[i] = Math.log(r.welch(channel, low + i));
        }
        double mx = mean(lx, v -> v);
        double my = mean(ly, v -> v);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (lx[i] - mx) * (ly[i] - my);
            sxx += (lx[i] - mx) * (lx[i] - mx);
        }
        return sxy / sxx;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = mean(a, v -> v);
        double mb = mean(b, v -> v);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double mean(double[] x, DoubleUnaryOperator f) {
        double sum = 0;
        for (double v : x) {
            sum += f.applyAsDouble(v);
        }
        return sum / x.length;
    }
}
