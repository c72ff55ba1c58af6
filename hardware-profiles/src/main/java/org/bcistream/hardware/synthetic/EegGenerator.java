package org.bcistream.hardware.synthetic;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.bcistream.hardware.DeviceProfile;

/**
 * EEG voltages of the synthetic subject: 1/f background, alpha/mu/beta rhythms with target-specific
 * desynchronisation, target-specific narrow-band sources, mains, blinks and EMG bursts on the neural
 * channels, plus {@link AuxSignals} on the others. The model is described in the package documentation;
 * the fixed head model is drawn here, in a fixed order, from the {@code HEAD_MODEL} stream.
 *
 * <p>The per-sample loop allocates nothing. Not thread-safe.
 */
final class EegGenerator implements SignalGenerator {
    /** Nominal RMS of the 1/f background per channel, microvolts. */
    static final double BACKGROUND_RMS_UV = 15.0;
    /** Target-specific narrow-band sources per target. */
    static final int CLASS_SOURCES = 3;

    private static final int BACKGROUND_SOURCES = 4;
    private static final double SHARED_BACKGROUND_FRACTION = 0.7;
    private static final double PINK_LOWEST_POLE_HZ = 0.5;
    private static final double PINK_HIGHEST_POLE_HZ = 150.0;
    private static final double CLASS_MIN_HZ = 6.0;
    private static final double CLASS_MAX_HZ = 35.0;
    private static final int RHYTHMS = 3;
    private static final double[] RHYTHM_GAIN = {1.0, 0.6, 0.4};
    private static final double[] RHYTHM_BANDWIDTH_HZ = {1.5, 1.5, 3.0};
    private static final double MODULATION_SECONDS = 2.0;
    private static final double MODULATION_SIGMA = 0.5;
    private static final double ERD_MAX_DEPTH = 0.8;
    private static final double ERD_RAMP_SECONDS = 0.5;
    private static final double WARM_UP_SECONDS = 5.0;
    private static final double BLINK_MIN_UV = 100;
    private static final double BLINK_MAX_UV = 200;
    private static final double BLINK_MIN_SECONDS = 0.25;
    private static final double BLINK_MAX_SECONDS = 0.40;
    private static final double EMG_MIN_UV = 20;
    private static final double EMG_MAX_UV = 50;
    private static final double EMG_MIN_SECONDS = 0.2;
    private static final double EMG_MAX_SECONDS = 1.0;
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);

    private final double rate;
    private final int channelCount;
    private final int[] neural;
    private final int n;
    private final int targets;

    // 1/f background: BACKGROUND_SOURCES shared sources + one private source per channel
    private final double[] poleA;
    private final double[] zeroC;
    private final double pinkScale;
    private final double[] backgroundMix;
    private final double[] privateGain;
    private final double[] pinkMemory;
    private final double[] sourceValues = new double[BACKGROUND_SOURCES];

    // rhythms: 0 posterior alpha, 1 sensorimotor mu, 2 beta
    private final double[] resonatorA1 = new double[RHYTHMS];
    private final double[] resonatorA2 = new double[RHYTHMS];
    private final double[] resonatorGain = new double[RHYTHMS];
    private final double modulationRho;
    private final double modulationInnovation;
    private final double[] rhythmMix;
    private final double[] rhythmMemory = new double[3 * RHYTHMS];
    private final double[] rhythmValues = new double[RHYTHMS];
    private final double[] erdDepth;
    private final double erdRampSamples;

    // target-specific sources, index k * CLASS_SOURCES + j
    private final double[] classOmega;
    private final long[] classOnset;
    private final long[] classLength;
    private final double[] classAmplitude;
    private final double[] classMix;
    private final double[] classValues = new double[CLASS_SOURCES];

    // mains
    private final boolean lineOn;
    private final double mainsCyclesPerSample;
    private final double[] lineCos;
    private final double[] lineSin;

    // artifacts
    private final double[] blinkWeight;
    private final double[] emgWeight;
    private final double blinkMeanGapSamples;
    private final double emgMeanGapSamples;
    private long nextBlink;
    private long blinkStart = -1;
    private long blinkLength;
    private double blinkAmplitude;
    private long nextEmg;
    private long emgStart = -1;
    private long emgLength;
    private double emgAmplitude;
    private final double[] emgPrevious;

    private final AuxSignals aux;
    private final RestorableUniformRandomProvider backgroundRng;
    private final NormalizedGaussianSampler backgroundGaussian;
    private final RestorableUniformRandomProvider rhythmRng;
    private final NormalizedGaussianSampler rhythmGaussian;
    private final RestorableUniformRandomProvider artifactRng;
    private final NormalizedGaussianSampler artifactGaussian;
    private final ContinuousSampler artifactExponential;

    EegGenerator(DeviceProfile profile, SyntheticSubjectConfig config, double rate, long imagerySamples,
            boolean warmUp) {
        this.rate = rate;
        this.channelCount = profile.channelCount();
        this.neural = profile.neuralChannelIndices();
        this.n = neural.length;
        this.targets = config.targets().size();
        ScalpLayout layout = new ScalpLayout(profile.neuralChannelLabels());
        UniformRandomProvider head = RandomStreams.create(config.seed(), RandomStreams.Purpose.HEAD_MODEL);
        NormalizedGaussianSampler headGaussian = ZigguratSampler.NormalizedGaussian.of(head);

        // 1/f background: cascade of first-order pole-zero sections, poles one octave apart, each zero half
        // an octave above its pole; the response falls by 3 dB per octave between the outer poles.
        int sections = 0;
        while (PINK_LOWEST_POLE_HZ * (1L << sections) <= Math.min(0.45 * rate, PINK_HIGHEST_POLE_HZ)) {
            sections++;
        }
        poleA = new double[sections];
        zeroC = new double[sections];
        for (int k = 0; k < sections; k++) {
            double pole = PINK_LOWEST_POLE_HZ * (1L << k);
            poleA[k] = StrictMath.exp(-2 * Math.PI * pole / rate);
            zeroC[k] = StrictMath.exp(-2 * Math.PI * pole * Math.sqrt(2) / rate);
        }
        pinkScale = 1 / Math.sqrt(cascadeImpulseEnergy(sections));
        pinkMemory = new double[(BACKGROUND_SOURCES + n) * sections];
        backgroundMix = new double[n * BACKGROUND_SOURCES];
        privateGain = new double[n];
        double backgroundPower = 0;
        for (int c = 0; c < n; c++) {
            double rms = BACKGROUND_RMS_UV * uniform(head, 0.8, 1.25);
            backgroundPower += rms * rms / n;
            double norm = 0;
            for (int s = 0; s < BACKGROUND_SOURCES; s++) {
                double w = headGaussian.sample();
                backgroundMix[c * BACKGROUND_SOURCES + s] = w;
                norm += w * w;
            }
            double scale = rms * Math.sqrt(SHARED_BACKGROUND_FRACTION / norm);
            for (int s = 0; s < BACKGROUND_SOURCES; s++) {
                backgroundMix[c * BACKGROUND_SOURCES + s] *= scale;
            }
            privateGain[c] = rms * Math.sqrt(1 - SHARED_BACKGROUND_FRACTION);
        }

        // rhythms: resonators (unit variance) at subject-specific frequencies, label-based topographies
        double alphaHz = uniform(head, 9, 11);
        double[] rhythmHz = {alphaHz, alphaHz + uniform(head, 0.5, 1.5), uniform(head, 18, 24)};
        for (int r = 0; r < RHYTHMS; r++) {
            double radius = StrictMath.exp(-Math.PI * RHYTHM_BANDWIDTH_HZ[r] / rate);
            resonatorA1[r] = 2 * radius * StrictMath.cos(2 * Math.PI * rhythmHz[r] / rate);
            resonatorA2[r] = -radius * radius;
            double a1 = resonatorA1[r];
            double a2 = resonatorA2[r];
            double variance = (1 - a2) / ((1 + a2) * ((1 - a2) * (1 - a2) - a1 * a1));
            resonatorGain[r] = 1 / Math.sqrt(variance);
        }
        modulationRho = StrictMath.exp(-1 / (MODULATION_SECONDS * rate));
        modulationInnovation = Math.sqrt(1 - modulationRho * modulationRho);
        rhythmMix = new double[n * RHYTHMS];
        for (int r = 0; r < RHYTHMS; r++) {
            double max = 0;
            for (int c = 0; c < n; c++) {
                max = Math.max(max, r == 0 ? layout.alphaWeight(c) : layout.centralWeight(c));
            }
            for (int c = 0; c < n; c++) {
                double weight = (r == 0 ? layout.alphaWeight(c) : layout.centralWeight(c)) / max;
                rhythmMix[c * RHYTHMS + r] = config.alphaUv() * RHYTHM_GAIN[r] * weight * uniform(head, 0.85, 1.15);
            }
        }

        // target-specific activity, scaled so that its mean power over the imagery window and the
        // channels is snr * backgroundPower (Hann envelope: mean square 3/8 over its support, carrier 1/2)
        double snr = StrictMath.pow(10, config.snrDb() / 10);
        double classPower = snr * backgroundPower;
        double maxClassHz = Math.min(CLASS_MAX_HZ, 0.4 * rate);
        int sources = targets * CLASS_SOURCES;
        classOmega = new double[sources];
        classOnset = new long[sources];
        classLength = new long[sources];
        classAmplitude = new double[sources];
        classMix = new double[sources * n];
        for (int i = 0; i < sources; i++) {
            classOmega[i] = 2 * Math.PI * uniform(head, CLASS_MIN_HZ, maxClassHz) / rate;
            classOnset[i] = (long) Math.floor(uniform(head, 0, 0.4) * imagerySamples);
            long room = imagerySamples - classOnset[i];
            classLength[i] = Math.max(1, Math.min(room, Math.round(uniform(head, 0.5, 1.0) * room)));
            double share = classPower / CLASS_SOURCES;
            classAmplitude[i] = Math.sqrt(share * 16.0 / 3.0 * imagerySamples / classLength[i]);
            double norm = 0;
            for (int c = 0; c < n; c++) {
                double w = headGaussian.sample();
                classMix[i * n + c] = w;
                norm += w * w;
            }
            double scale = Math.sqrt(n / norm);
            for (int c = 0; c < n; c++) {
                classMix[i * n + c] *= scale;
            }
        }
        double erdMax = ERD_MAX_DEPTH * snr / (1 + snr);
        erdDepth = new double[targets * RHYTHMS];
        for (int i = 0; i < erdDepth.length; i++) {
            erdDepth[i] = erdMax * uniform(head, 0.3, 1.0);
        }
        erdRampSamples = Math.max(1.0, Math.min(ERD_RAMP_SECONDS * rate, imagerySamples / 2.0));

        // mains: per-channel gain and a small phase spread (mostly common-mode pick-up)
        lineOn = config.lineNoiseUv() > 0;
        mainsCyclesPerSample = config.mainsHz() / rate;
        lineCos = new double[n];
        lineSin = new double[n];
        for (int c = 0; c < n; c++) {
            double amplitude = config.lineNoiseUv() * uniform(head, 0.5, 1.5);
            double phase = uniform(head, -0.3, 0.3);
            lineCos[c] = amplitude * StrictMath.cos(phase);
            lineSin[c] = amplitude * StrictMath.sin(phase);
        }

        blinkWeight = new double[n];
        emgWeight = new double[n];
        for (int c = 0; c < n; c++) {
            blinkWeight[c] = layout.blinkWeight(c);
            emgWeight[c] = layout.emgWeight(c);
        }
        aux = new AuxSignals(profile, config, rate, head);

        backgroundRng = RandomStreams.create(config.runSeed(), RandomStreams.Purpose.BACKGROUND);
        backgroundGaussian = ZigguratSampler.NormalizedGaussian.of(backgroundRng);
        rhythmRng = RandomStreams.create(config.runSeed(), RandomStreams.Purpose.RHYTHMS);
        rhythmGaussian = ZigguratSampler.NormalizedGaussian.of(rhythmRng);
        artifactRng = RandomStreams.create(config.runSeed(), RandomStreams.Purpose.ARTIFACTS);
        artifactGaussian = ZigguratSampler.NormalizedGaussian.of(artifactRng);
        artifactExponential = ZigguratSampler.Exponential.of(artifactRng);
        emgPrevious = new double[n];
        blinkMeanGapSamples = config.blinksPerMinute() > 0 ? 60 * rate / config.blinksPerMinute() : 0;
        emgMeanGapSamples = config.emgBurstsPerMinute() > 0 ? 60 * rate / config.emgBurstsPerMinute() : 0;
        nextBlink = arrival(0, blinkMeanGapSamples);
        nextEmg = arrival(0, emgMeanGapSamples);
        for (int r = 0; r < RHYTHMS; r++) {
            rhythmMemory[3 * r + 2] = rhythmGaussian.sample();
        }
        if (warmUp) {
            for (long i = Math.round(WARM_UP_SECONDS * rate); i > 0; i--) {
                for (int source = 0; source < BACKGROUND_SOURCES + n; source++) {
                    pink(source);
                }
                for (int r = 0; r < RHYTHMS; r++) {
                    rhythm(r);
                }
            }
        }
    }

    @Override
    public boolean producesSamples() {
        return true;
    }

    @Override
    public void generate(long from, long to, TrialSchedule trial, BlockBuffers out) {
        boolean imagery = trial.inImagery();
        int target = trial.target();
        long cue = trial.cueSample();
        long imagerySamples = trial.imagerySamples();
        float[] samples = out.samples;
        for (long sample = from; sample < to; sample++) {
            int rowBase = (int) (sample - out.firstSample) * channelCount;
            for (int s = 0; s < BACKGROUND_SOURCES; s++) {
                sourceValues[s] = pink(s);
            }
            double erd = 0;
            if (imagery) {
                long u = sample - cue;
                double edge = Math.min(u + 0.5, imagerySamples - u - 0.5);
                double ramp = edge >= erdRampSamples ? 1 : StrictMath.sin(0.5 * Math.PI * edge / erdRampSamples);
                erd = ramp * ramp;
                for (int j = 0; j < CLASS_SOURCES; j++) {
                    classValues[j] = classValue(target * CLASS_SOURCES + j, u, trial.phase(j), trial.gain(j));
                }
            }
            for (int r = 0; r < RHYTHMS; r++) {
                rhythmValues[r] = rhythm(r) * (1 - erdDepth[target * RHYTHMS + r] * erd);
            }
            double lineC = 0;
            double lineS = 0;
            if (lineOn) {
                double cycles = mainsCyclesPerSample * sample;
                double angle = 2 * Math.PI * (cycles - Math.floor(cycles));
                lineC = StrictMath.cos(angle);
                lineS = -StrictMath.sin(angle);
            }
            double blink = blink(sample);
            double emg = emg(sample);
            int classBase = target * CLASS_SOURCES * n;
            for (int c = 0; c < n; c++) {
                double v = privateGain[c] * pink(BACKGROUND_SOURCES + c);
                for (int s = 0; s < BACKGROUND_SOURCES; s++) {
                    v += backgroundMix[c * BACKGROUND_SOURCES + s] * sourceValues[s];
                }
                for (int r = 0; r < RHYTHMS; r++) {
                    v += rhythmMix[c * RHYTHMS + r] * rhythmValues[r];
                }
                if (imagery) {
                    for (int j = 0; j < CLASS_SOURCES; j++) {
                        v += classMix[classBase + j * n + c] * classValues[j];
                    }
                }
                v += lineCos[c] * lineC + lineSin[c] * lineS + blinkWeight[c] * blink;
                if (emg != 0) {
                    double w = artifactGaussian.sample();
                    v += emgWeight[c] * emg * (w - emgPrevious[c]) * INV_SQRT2;
                    emgPrevious[c] = w;
                }
                samples[rowBase + neural[c]] = (float) v;
            }
            aux.fill(sample, trial, samples, rowBase);
        }
    }

    @Override
    public void save(StateWriter out) {
        out.putDoubles(pinkMemory);
        out.putDoubles(rhythmMemory);
        out.putDoubles(emgPrevious);
        out.putDouble(blinkAmplitude);
        out.putDouble(emgAmplitude);
        out.putLong(nextBlink);
        out.putLong(blinkStart);
        out.putLong(blinkLength);
        out.putLong(nextEmg);
        out.putLong(emgStart);
        out.putLong(emgLength);
        out.putRng(backgroundRng);
        out.putRng(rhythmRng);
        out.putRng(artifactRng);
        aux.save(out);
    }

    @Override
    public void load(StateReader in) {
        in.nextDoubles(pinkMemory);
        in.nextDoubles(rhythmMemory);
        in.nextDoubles(emgPrevious);
        blinkAmplitude = in.nextDouble();
        emgAmplitude = in.nextDouble();
        nextBlink = in.nextLong("next blink sample", 0, Long.MAX_VALUE);
        blinkStart = in.nextLong("blink start sample", -1, Long.MAX_VALUE);
        blinkLength = in.nextLong("blink length", 0, Long.MAX_VALUE);
        nextEmg = in.nextLong("next EMG burst sample", 0, Long.MAX_VALUE);
        emgStart = in.nextLong("EMG burst start sample", -1, Long.MAX_VALUE);
        emgLength = in.nextLong("EMG burst length", 0, Long.MAX_VALUE);
        in.restoreRng(backgroundRng);
        in.restoreRng(rhythmRng);
        in.restoreRng(artifactRng);
        aux.load(in);
    }

    /** Next value of 1/f source {@code source} (unit variance). */
    private double pink(int source) {
        int base = source * poleA.length;
        double x = backgroundGaussian.sample();
        for (int k = 0; k < poleA.length; k++) {
            double y = x + pinkMemory[base + k];
            pinkMemory[base + k] = poleA[k] * y - zeroC[k] * x;
            x = y;
        }
        return x * pinkScale;
    }

    /** Next value of rhythm {@code r}: unit-variance narrow-band noise times a slow log-normal modulation. */
    private double rhythm(int r) {
        int m = 3 * r;
        double x = resonatorA1[r] * rhythmMemory[m] + resonatorA2[r] * rhythmMemory[m + 1]
                + resonatorGain[r] * rhythmGaussian.sample();
        rhythmMemory[m + 1] = rhythmMemory[m];
        rhythmMemory[m] = x;
        double z = modulationRho * rhythmMemory[m + 2] + modulationInnovation * rhythmGaussian.sample();
        rhythmMemory[m + 2] = z;
        return x * StrictMath.exp(MODULATION_SIGMA * z - MODULATION_SIGMA * MODULATION_SIGMA);
    }

    /** Class source {@code i} at imagery sample {@code u}: a Hann-windowed sinusoid. */
    private double classValue(int i, long u, double phase, double gain) {
        long rel = u - classOnset[i];
        if (rel < 0 || rel >= classLength[i]) {
            return 0;
        }
        double envelope = StrictMath.sin(Math.PI * (rel + 0.5) / classLength[i]);
        return classAmplitude[i] * gain * envelope * envelope * StrictMath.sin(classOmega[i] * u + phase);
    }

    /** Blink deflection at {@code sample} before channel weighting, microvolts; starts scheduled blinks. */
    private double blink(long sample) {
        if (sample == nextBlink) {
            blinkStart = sample;
            blinkLength = Math.max(1, Math.round(uniform(artifactRng, BLINK_MIN_SECONDS, BLINK_MAX_SECONDS) * rate));
            blinkAmplitude = uniform(artifactRng, BLINK_MIN_UV, BLINK_MAX_UV);
            nextBlink = Math.max(sample + blinkLength, arrival(sample, blinkMeanGapSamples));
        }
        long rel = sample - blinkStart;
        if (blinkStart < 0 || rel >= blinkLength) {
            return 0;
        }
        double shape = StrictMath.sin(Math.PI * (rel + 0.5) / blinkLength);
        return blinkAmplitude * shape * shape;
    }

    /** EMG envelope at {@code sample} (RMS before channel weighting, microvolts); starts scheduled bursts. */
    private double emg(long sample) {
        if (sample == nextEmg) {
            emgStart = sample;
            emgLength = Math.max(1, Math.round(uniform(artifactRng, EMG_MIN_SECONDS, EMG_MAX_SECONDS) * rate));
            emgAmplitude = uniform(artifactRng, EMG_MIN_UV, EMG_MAX_UV);
            nextEmg = Math.max(sample + emgLength, arrival(sample, emgMeanGapSamples));
        }
        long rel = sample - emgStart;
        if (emgStart < 0 || rel >= emgLength) {
            return 0;
        }
        return emgAmplitude * StrictMath.sin(Math.PI * (rel + 0.5) / emgLength);
    }

    /** Sample of the next event of a Poisson process after {@code sample}, or never when the rate is 0. */
    private long arrival(long sample, double meanGapSamples) {
        if (meanGapSamples == 0) {
            return Long.MAX_VALUE;
        }
        return sample + Math.max(1, Math.round(artifactExponential.sample() * meanGapSamples));
    }

    /** Energy (sum of squares) of the impulse response of the first {@code sections} pole-zero sections. */
    private double cascadeImpulseEnergy(int sections) {
        double[] memory = new double[sections];
        double energy = 0;
        double slowest = sections == 0 ? 0 : poleA[0];
        long length = 1 + (sections == 0 ? 0 : (long) Math.ceil(-30 / StrictMath.log(slowest)));
        for (long i = 0; i < length; i++) {
            double x = i == 0 ? 1 : 0;
            for (int k = 0; k < sections; k++) {
                double y = x + memory[k];
                memory[k] = poleA[k] * y - zeroC[k] * x;
                x = y;
            }
            energy += x * x;
        }
        return energy;
    }

    private static double uniform(UniformRandomProvider rng, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }
}
