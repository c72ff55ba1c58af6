package org.bcistream.hardware.synthetic;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.bcistream.hardware.DeviceProfile;

/**
 * Spike trains of an intracortical synthetic subject: one inhomogeneous Poisson unit per neural channel,
 * with a baseline rate at rest and a target-tuned rate during imagery.
 *
 * <p>Tuning: targets sit at angles {@code 2 pi k / K}; a tuned unit (70 % of them) has a preferred angle
 * {@code theta_u} and fires at {@code b_u exp(kappa_u cos(2 pi k / K - theta_u))} while target {@code k}
 * is imagined, with {@code kappa_u = kappa * U(0.5, 1)} and {@code kappa = min(ln(1 + 10^(snrDb / 20)), 2)};
 * untuned units stay at {@code b_u}, drawn log-uniformly in 2..20 Hz.
 *
 * <p>Generation: the units are pooled into one Poisson process of rate {@code R = sum of the rates} that is
 * piecewise constant between trial markers; the remaining integrated hazard until its next event (a unit
 * exponential draw, used up at rate {@code R}) is the only state, and each event is given to unit
 * {@code u} with probability {@code rate_u / R}. This is exact (superposition and time rescaling of Poisson
 * processes), yields spikes in time order, and costs O(log units) per spike. Not thread-safe.
 */
final class SpikeGenerator implements SignalGenerator {
    private static final double MIN_BASELINE_HZ = 2.0;
    private static final double MAX_BASELINE_HZ = 20.0;
    private static final double TUNED_FRACTION = 0.7;
    private static final double MAX_KAPPA = 2.0;

    private final double rate;
    private final double startTime;
    private final int[] units;
    private final int channelCount;
    private final double[] baselineHz;
    private final double[][] imageryHz;
    private final double[] restCumulative;
    private final double[][] imageryCumulative;
    private final RestorableUniformRandomProvider rng;
    private final ContinuousSampler exponential;
    private double hazard;

    SpikeGenerator(DeviceProfile profile, SyntheticSubjectConfig config, double rate) {
        this.rate = rate;
        this.startTime = config.startTimeSeconds();
        this.units = profile.neuralChannelIndices();
        this.channelCount = profile.channelCount();
        UniformRandomProvider head = RandomStreams.create(config.seed(), RandomStreams.Purpose.HEAD_MODEL);
        int targets = config.targets().size();
        double kappa = Math.min(StrictMath.log1p(StrictMath.pow(10, config.snrDb() / 20)), MAX_KAPPA);
        baselineHz = new double[units.length];
        imageryHz = new double[targets][units.length];
        for (int u = 0; u < units.length; u++) {
            baselineHz[u] = MIN_BASELINE_HZ * StrictMath.pow(MAX_BASELINE_HZ / MIN_BASELINE_HZ, head.nextDouble());
            boolean tuned = head.nextDouble() < TUNED_FRACTION;
            double preferred = 2 * Math.PI * head.nextDouble();
            double depth = tuned ? kappa * (0.5 + 0.5 * head.nextDouble()) : 0;
            for (int k = 0; k < targets; k++) {
                double angle = 2 * Math.PI * k / targets - preferred;
                imageryHz[k][u] = baselineHz[u] * StrictMath.exp(depth * StrictMath.cos(angle));
            }
        }
        restCumulative = cumulative(baselineHz);
        imageryCumulative = new double[targets][];
        for (int k = 0; k < targets; k++) {
            imageryCumulative[k] = cumulative(imageryHz[k]);
        }
        rng = RandomStreams.create(config.runSeed(), RandomStreams.Purpose.SPIKES);
        exponential = ZigguratSampler.Exponential.of(rng);
        hazard = exponential.sample();
    }

    @Override
    public boolean producesSamples() {
        return false;
    }

    @Override
    public void generate(long from, long to, TrialSchedule trial, BlockBuffers out) {
        double[] cumulative = trial.inImagery() ? imageryCumulative[trial.target()] : restCumulative;
        double total = cumulative[cumulative.length - 1];
        double perSample = total / rate;
        double length = to - from;
        double t = 0;
        while (true) {
            double step = hazard / perSample;
            if (t + step >= length) {
                hazard = Math.max(0, hazard - (length - t) * perSample);
                return;
            }
            t += step;
            out.addSpike(units[pick(cumulative, rng.nextDouble() * total)], startTime + (from + t) / rate);
            hazard = exponential.sample();
        }
    }

    @Override
    public void save(StateWriter out) {
        out.putDouble(hazard);
        out.putRng(rng);
    }

    @Override
    public void load(StateReader in) {
        hazard = in.nextDouble();
        if (!(hazard >= 0) || Double.isInfinite(hazard)) {
            throw new IllegalArgumentException("synthetic subject state: spike hazard " + hazard
                    + " is not a finite number >= 0");
        }
        in.restoreRng(rng);
    }

    /** Baseline rate of each channel, hertz (0 for non-neural channels). */
    double[] baselineRatesHz() {
        return byChannel(baselineHz);
    }

    /** Rate of each channel while target {@code k} is imagined, hertz (0 for non-neural channels). */
    double[] imageryRatesHz(int k) {
        return byChannel(imageryHz[k]);
    }

    private double[] byChannel(double[] perUnit) {
        double[] rates = new double[channelCount];
        for (int u = 0; u < units.length; u++) {
            rates[units[u]] = perUnit[u];
        }
        return rates;
    }

    /** First index whose cumulative rate exceeds {@code value}. */
    private static int pick(double[] cumulative, double value) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > value) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static double[] cumulative(double[] rates) {
        double[] sums = new double[rates.length];
        double sum = 0;
        for (int i = 0; i < rates.length; i++) {
            sum += rates[i];
            sums[i] = sum;
        }
        return sums;
    }
}
