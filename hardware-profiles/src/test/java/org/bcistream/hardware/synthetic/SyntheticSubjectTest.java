package org.bcistream.hardware.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bcistream.hardware.DeviceProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticSubjectTest {

    static List<DeviceProfile> profiles() {
        return List.of(TestProfiles.cyton(), TestProfiles.muse2(), TestProfiles.auxRich(), TestProfiles.neuroport128());
    }

    /** Busy config: short trials and frequent artifacts, so that snapshots land mid-blink and mid-trial. */
    private static SyntheticSubjectConfig busy(long seed) {
        return SyntheticSubjectConfig.defaults().withSeed(seed).withTiming(0.3, 0.5, 0.2).withArtifacts(60, 30);
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void sameSeedGivesIdenticalBlocksAndAnotherSeedDifferentOnes(DeviceProfile profile) {
        List<SyntheticBlock> a = take(SyntheticSubject.create(profile, busy(1)), 200);
        List<SyntheticBlock> b = take(SyntheticSubject.create(profile, busy(1)), 200);
        List<SyntheticBlock> c = take(SyntheticSubject.create(profile, busy(2)), 200);
        assertEquals(a, b);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).samples(), b.get(i).samples());
            assertArrayEquals(a.get(i).spikeTimes(), b.get(i).spikeTimes());
        }
        assertNotEquals(a, c);
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void restoredSubjectContinuesExactlyLikeTheUninterruptedOne(DeviceProfile profile) {
        SyntheticSubjectConfig config = busy(42);
        List<SyntheticBlock> reference = take(SyntheticSubject.create(profile, config), 400);
        SyntheticSubject interrupted = SyntheticSubject.create(profile, config);
        List<SyntheticBlock> resumed = new ArrayList<>(take(interrupted, 1));
        for (int stop : new int[] {37, 38, 150, 399}) {
            resumed.addAll(take(interrupted, stop - resumed.size()));
            byte[] bytes = interrupted.snapshot().toBytes();
            interrupted = SyntheticSubject.restore(profile, config, SyntheticSubjectState.fromBytes(bytes));
            assertEquals(stop * (long) interrupted.chunkSamples(), interrupted.nextSampleIndex());
        }
        resumed.addAll(take(interrupted, reference.size() - resumed.size()));
        assertEquals(reference, resumed);
    }

    @Test
    void snapshotDoesNotDisturbTheRunAndIsSmall() {
        SyntheticSubject a = SyntheticSubject.create(TestProfiles.cyton(), busy(3));
        SyntheticSubject b = SyntheticSubject.create(TestProfiles.cyton(), busy(3));
        take(a, 10);
        take(b, 10);
        SyntheticSubjectState state = a.snapshot();
        assertEquals(state, a.snapshot());
        assertEquals(b.next(), a.next());
        assertTrue(state.toBytes().length < 4096, () -> state.toString());
    }

    @Test
    void restoreRefusesAStateFromAnotherConfigOrProfile() {
        SyntheticSubjectState state = SyntheticSubject.create(TestProfiles.cyton(), busy(5)).snapshot();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSubject.restore(TestProfiles.cyton(), busy(6), state));
        assertTrue(e.getMessage().contains("another profile or config"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticSubject.restore(TestProfiles.muse2(), busy(5), state));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void timeStampsAreExactAndBlocksContiguous(DeviceProfile profile) {
        double start = 1_234_567.25;
        SyntheticSubject subject = SyntheticSubject.create(profile, busy(7).withStartTimeSeconds(start));
        double rate = profile.defaultRateHz();
        SyntheticBlock previous = null;
        for (SyntheticBlock block : take(subject, 300)) {
            assertEquals(start + block.firstSample() / rate, block.startTime());
            assertEquals(start + (block.firstSample() + block.sampleCount()) / rate, block.endTime());
            if (previous != null) {
                assertEquals(previous.firstSample() + previous.sampleCount(), block.firstSample());
                assertEquals(previous.endTime(), block.startTime());
            }
            if (block.hasSamples()) {
                for (int i = 0; i < block.sampleCount(); i++) {
                    assertEquals(start + (block.firstSample() + i) / rate, block.timestamp(i));
                }
            } else {
                for (int i = 0; i < block.spikeCount(); i++) {
                    assertTrue(block.spikeTime(i) >= block.startTime() && block.spikeTime(i) <= block.endTime());
                }
            }
            for (SyntheticCue cue : block.cues()) {
                assertEquals(start + cue.sampleIndex() / rate, cue.time());
            }
            previous = block;
        }
        assertEquals(300L * subject.chunkSamples(), subject.nextSampleIndex());
    }

    @Test
    void cuesComeInBalancedShuffledRoundsWithTheConfiguredTiming() {
        SyntheticSubjectConfig config = SyntheticSubjectConfig.defaults().withSeed(11).withTiming(1.5, 3.2, 0.8);
        SyntheticSubject subject = SyntheticSubject.create(TestProfiles.cyton(), config);
        List<SyntheticCue> cues = Recording.of(subject, Recording.blocksFor(subject, 6 * 10 * 5.6)).cues;
        long rest = Math.round(1.5 * 250);
        long imagery = Math.round(3.2 * 250);
        long jitter = Math.round(0.8 * 250);
        List<Integer> targets = new ArrayList<>();
        long previousEnd = 0;
        for (int i = 0; i + 1 < cues.size(); i += 2) {
            SyntheticCue cue = cues.get(i);
            SyntheticCue end = cues.get(i + 1);
            assertEquals(SyntheticCue.Kind.CUE, cue.kind());
            assertEquals(SyntheticCue.Kind.TRIAL_END, end.kind());
            assertEquals(i / 2, cue.trial());
            assertEquals(cue.trial(), end.trial());
            assertEquals(cue.targetIndex(), end.targetIndex());
            assertEquals(config.targets().get(cue.targetIndex()), cue.label());
            assertEquals(cue.label(), end.label());
            assertEquals(imagery, end.sampleIndex() - cue.sampleIndex());
            long pause = cue.sampleIndex() - previousEnd - rest;
            assertTrue(pause >= 0 && pause <= (i == 0 ? 0 : jitter), "pause " + pause);
            previousEnd = end.sampleIndex();
            targets.add(cue.targetIndex());
        }
        assertTrue(targets.size() >= 50, "trials " + targets.size());
        Set<List<Integer>> rounds = new HashSet<>();
        for (int round = 0; round + 10 <= targets.size(); round += 10) {
            List<Integer> order = targets.subList(round, round + 10);
            assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), new HashSet<>(order), "round " + order);
            rounds.add(order);
        }
        assertTrue(rounds.size() > 1, "rounds are shuffled independently");
        assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), targets.subList(0, 10));
    }

    @Test
    void cuesWithoutRestOrJitterShareTheSampleWithThePreviousTrialEnd() {
        SyntheticSubject subject = SyntheticSubject.create(TestProfiles.cyton(),
                SyntheticSubjectConfig.defaults().withTiming(0, 0.5, 0).withChunkSamples(125));
        List<SyntheticCue> cues = Recording.of(subject, 4).cues;
        assertEquals(List.of(0L, 125L, 125L, 250L, 250L, 375L, 375L),
                cues.stream().map(SyntheticCue::sampleIndex).toList());
        assertEquals(SyntheticCue.Kind.TRIAL_END, cues.get(1).kind());
        assertEquals(SyntheticCue.Kind.CUE, cues.get(2).kind());
    }

    @Test
    void blocksHaveTheProfileShapeAndCopyTheirArrays() {
        SyntheticSubject subject = SyntheticSubject.create(TestProfiles.muse2(), SyntheticSubjectConfig.defaults());
        SyntheticBlock block = subject.next();
        assertEquals(12, block.sampleCount());
        assertEquals(5, block.channelCount());
        assertEquals(60, block.samples().length);
        assertEquals(0, block.spikeCount());
        float first = block.sample(0, 0);
        block.samples()[0] = first + 1;
        assertEquals(first, block.sample(0, 0));
        assertFalse(subject.producesSpikes());
        assertThrows(IllegalStateException.class, subject::baselineRatesHz);

        SyntheticSubject spikes =
                SyntheticSubject.create(TestProfiles.neuroport128(), SyntheticSubjectConfig.defaults());
        SyntheticBlock spikeBlock = spikes.next();
        assertTrue(spikes.producesSpikes());
        assertFalse(spikeBlock.hasSamples());
        assertEquals(0, spikeBlock.samples().length);
    }

    private static List<SyntheticBlock> take(SyntheticSubject subject, int count) {
        List<SyntheticBlock> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(subject.next());
        }
        return blocks;
    }

    @Test
    void anotherRunSeedIsAnotherRecordingOfTheSameSubject() {
        SyntheticSubjectConfig subject = SyntheticSubjectConfig.defaults().withSeed(21).withArtifacts(0, 0);
        Recording first = Recording.of(SyntheticSubject.create(TestProfiles.cyton(), subject), 2000);
        Recording again = Recording.of(SyntheticSubject.create(TestProfiles.cyton(), subject.withRunSeed(99)), 2000);
        Recording other = Recording.of(SyntheticSubject.create(TestProfiles.cyton(), subject.withSeed(22)), 2000);
        assertNotEquals(labels(first), labels(again), "another run imagines another sequence");
        assertNotEquals(first.channels[0][100], again.channels[0][100], "and has its own noise");
        double same = correlation(rms(first), rms(again));
        double different = correlation(rms(first), rms(other));
        System.out.printf("per-channel RMS correlation: same subject %.3f, another subject %.3f%n", same, different);
        assertTrue(same > 0.9 && same > different + 0.2, "same subject " + same + ", another subject " + different);
    }

    private static List<String> labels(Recording r) {
        return r.cues.stream().map(SyntheticCue::label).toList();
    }

    private static double[] rms(Recording r) {
        double[] out = new double[r.channels.length];
        for (int c = 0; c < out.length; c++) {
            double sum = 0;
            for (double v : r.channels[c]) {
                sum += v * v;
            }
            out[c] = Math.sqrt(sum / r.channels[c].length);
        }
        return out;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElse(0);
        double mb = java.util.Arrays.stream(b).average().orElse(0);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
