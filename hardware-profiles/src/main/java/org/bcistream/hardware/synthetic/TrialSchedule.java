package org.bcistream.hardware.synthetic;

import java.util.List;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The trial sequence: rest, cue, imagery, trial end, jitter pause, next trial. Targets come in rounds, each
 * round a fresh uniformly shuffled permutation of all targets, so every target occurs exactly once per
 * round. At each trial start it also draws the per-trial phase and gain of each class source.
 *
 * <p>All times are sample indices. Not thread-safe.
 */
final class TrialSchedule {
    /** Log-normal spread of the per-trial class-source gains (their mean square is 1). */
    private static final double GAIN_SIGMA = 0.2;

    private final List<String> labels;
    private final double startTime;
    private final double rate;
    private final long restSamples;
    private final long imagerySamples;
    private final long jitterMaxSamples;
    private final RestorableUniformRandomProvider rng;
    private final NormalizedGaussianSampler gaussian;

    private long trial = -1;
    private int target;
    private long cueSample;
    private long endSample;
    private boolean imagery;
    private final int[] order;
    private int orderPosition;
    private final double[] phases;
    private final double[] gains;

    TrialSchedule(SyntheticSubjectConfig config, double rate, int classSources) {
        this.labels = config.targets();
        this.startTime = config.startTimeSeconds();
        this.rate = rate;
        this.restSamples = Math.round(config.restSeconds() * rate);
        this.imagerySamples = Math.max(1, Math.round(config.imagerySeconds() * rate));
        this.jitterMaxSamples = Math.round(config.jitterSeconds() * rate);
        this.rng = RandomStreams.create(config.runSeed(), RandomStreams.Purpose.TRIALS);
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        this.order = new int[labels.size()];
        this.orderPosition = order.length;
        this.phases = new double[classSources];
        this.gains = new double[classSources];
        startTrial(0);
    }

    /** Sample of the next marker: the cue while resting, the trial end during imagery. */
    long nextEventSample() {
        return imagery ? endSample : cueSample;
    }

    /** Emits the marker at {@link #nextEventSample()} and moves on (after a trial end, to the next trial). */
    void fire(List<SyntheticCue> out) {
        if (!imagery) {
            imagery = true;
            out.add(cue(SyntheticCue.Kind.CUE, cueSample));
        } else {
            out.add(cue(SyntheticCue.Kind.TRIAL_END, endSample));
            imagery = false;
            long pause = jitterMaxSamples == 0 ? 0 : rng.nextLong(jitterMaxSamples + 1);
            startTrial(endSample + pause);
        }
    }

    boolean inImagery() {
        return imagery;
    }

    int target() {
        return target;
    }

    long cueSample() {
        return cueSample;
    }

    long imagerySamples() {
        return imagerySamples;
    }

    /** Phase of class source {@code j} in the current trial, radians. */
    double phase(int j) {
        return phases[j];
    }

    /** Gain of class source {@code j} in the current trial (log-normal, mean square 1). */
    double gain(int j) {
        return gains[j];
    }

    void save(StateWriter out) {
        out.putLong(trial);
        out.putLong(target);
        out.putLong(cueSample);
        out.putLong(imagery ? 1 : 0);
        out.putLong(orderPosition);
        out.putInts(order);
        out.putDoubles(phases);
        out.putDoubles(gains);
        out.putRng(rng);
    }

    void load(StateReader in) {
        trial = in.nextLong("trial number", 0, Long.MAX_VALUE);
        target = in.nextInt("current target", 0, order.length - 1);
        cueSample = in.nextLong("cue sample", 0, Long.MAX_VALUE - imagerySamples);
        endSample = cueSample + imagerySamples;
        imagery = in.nextInt("imagery flag", 0, 1) == 1;
        orderPosition = in.nextInt("position in the target round", 0, order.length);
        for (int i = 0; i < order.length; i++) {
            order[i] = in.nextInt("target order entry", 0, order.length - 1);
        }
        in.nextDoubles(phases);
        in.nextDoubles(gains);
        in.restoreRng(rng);
    }

    private void startTrial(long start) {
        trial++;
        if (orderPosition == order.length) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            PermutationSampler.shuffle(rng, order);
            orderPosition = 0;
        }
        target = order[orderPosition++];
        cueSample = start + restSamples;
        endSample = cueSample + imagerySamples;
        for (int j = 0; j < phases.length; j++) {
            phases[j] = 2 * Math.PI * rng.nextDouble();
            gains[j] = StrictMath.exp(GAIN_SIGMA * gaussian.sample() - GAIN_SIGMA * GAIN_SIGMA);
        }
    }

    private SyntheticCue cue(SyntheticCue.Kind kind, long sample) {
        return new SyntheticCue(startTime + sample / rate, sample, kind, trial, target, labels.get(target));
    }
}
