package org.bcistream.hardware.synthetic;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.bcistream.hardware.DeviceProfile;

/**
 * Plausible values for the auxiliary channels of an EEG profile, or zeros when the config turns them off.
 *
 * <ul>
 *   <li>accelerometer axes (in stream order x, y, z, x, ...): the gravity vector of a slightly tilted head
 *       (tilt from the head model, about 10 degrees) plus 0.005 g white noise, in g;
 *   <li>gyroscope axes: 0.3 degrees per second white noise;
 *   <li>PPG: 50000 device units plus a 500-unit pulse at the subject's heart rate (60 to 80 per minute)
 *       plus 20 units of white noise;
 *   <li>trigger: {@code 1 + target index} while the subject imagines a target, 0 otherwise;
 *   <li>counter channels: sample index modulo 256, as OpenBCI boards count;
 *   <li>other auxiliary inputs: white noise of standard deviation 1 in the channel's unit.
 * </ul>
 */
final class AuxSignals {
    private static final int ACC = 0;
    private static final int GYRO = 1;
    private static final int PPG = 2;
    private static final int TRIGGER = 3;
    private static final int COUNTER = 4;
    private static final int NOISE = 5;

    private static final double ACC_NOISE_G = 0.005;
    private static final double GYRO_NOISE_DPS = 0.3;
    private static final double PPG_BASELINE = 50_000;
    private static final double PPG_PULSE = 500;
    private static final double PPG_NOISE = 20;
    private static final int COUNTER_MODULUS = 256;

    private final boolean enabled;
    private final int[] channels;
    private final int[] kinds;
    private final double[] gravity;
    private final double heartCyclesPerSample;
    private final RestorableUniformRandomProvider rng;
    private final NormalizedGaussianSampler gaussian;

    AuxSignals(DeviceProfile profile, SyntheticSubjectConfig config, double rate, UniformRandomProvider head) {
        this.enabled = config.auxSignals();
        this.channels = profile.auxChannelIndices();
        this.kinds = new int[channels.length];
        this.gravity = new double[channels.length];
        double pitch = Math.toRadians(10) * (2 * head.nextDouble() - 1);
        double roll = Math.toRadians(10) * (2 * head.nextDouble() - 1);
        double[] g = {
            -StrictMath.sin(pitch), StrictMath.sin(roll) * StrictMath.cos(pitch),
            StrictMath.cos(roll) * StrictMath.cos(pitch)
        };
        this.heartCyclesPerSample = (1.0 + head.nextDouble() / 3.0) / rate;
        int accAxes = 0;
        for (int i = 0; i < channels.length; i++) {
            kinds[i] = switch (profile.channels().get(channels[i]).type()) {
                case ACC -> ACC;
                case GYRO -> GYRO;
                case PPG -> PPG;
                case TRIGGER -> TRIGGER;
                case COUNTER -> COUNTER;
                default -> NOISE;
            };
            if (kinds[i] == ACC) {
                gravity[i] = g[accAxes++ % 3];
            }
        }
        this.rng = RandomStreams.create(config.runSeed(), RandomStreams.Purpose.AUX);
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /** Writes the auxiliary values of sample {@code n} into the row starting at {@code rowBase}. */
    void fill(long n, TrialSchedule trial, float[] samples, int rowBase) {
        if (!enabled) {
            return;
        }
        for (int i = 0; i < channels.length; i++) {
            double value = switch (kinds[i]) {
                case ACC -> gravity[i] + ACC_NOISE_G * gaussian.sample();
                case GYRO -> GYRO_NOISE_DPS * gaussian.sample();
                case PPG -> {
                    double cycles = heartCyclesPerSample * n;
                    double phase = 2 * Math.PI * (cycles - Math.floor(cycles));
                    yield PPG_BASELINE + PPG_PULSE * StrictMath.cos(phase) + PPG_NOISE * gaussian.sample();
                }
                case TRIGGER -> trial.inImagery() ? 1 + trial.target() : 0;
                case COUNTER -> n % COUNTER_MODULUS;
                default -> gaussian.sample();
            };
            samples[rowBase + channels[i]] = (float) value;
        }
    }

    void save(StateWriter out) {
        out.putRng(rng);
    }

    void load(StateReader in) {
        in.restoreRng(rng);
    }
}
