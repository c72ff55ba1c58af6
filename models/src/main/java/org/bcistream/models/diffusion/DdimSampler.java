package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

/**
 * DDIM sampling (Song, Meng and Ermon, ICLR 2021, eqs. 12 and 16; spec ddim.md A.2) with a
 * {@link Denoiser}, as diffusers' {@code DDIMScheduler.step} computes it except that the next timestep
 * t′ is looked up in the timestep list (spec A.5), not taken as t − T/S. One step from t to t′:
 *
 * <pre>
 *   out  = denoiser(x_t, t)                        (guided, see {@link ClassifierFreeGuidance})
 *   x̂₀, ε̂ from out                                 ({@link PredictionType})
 *   x̂₀  ← clipping(x̂₀)                              ({@link SampleClipping}); then, if
 *         use_clipped_model_output, ε̂ = (x_t − √ᾱ_t·x̂₀)/√(1−ᾱ_t)
 *   σ    = η·√[(1−ᾱ_t′)/(1−ᾱ_t)]·√(1 − ᾱ_t/ᾱ_t′)
 *   x_t′ = √ᾱ_t′·x̂₀ + √max(0, 1−ᾱ_t′−σ²)·ε̂ + σ·z,  z ~ N(0, I)
 * </pre>
 *
 * After the last listed timestep t′ = −1 and ᾱ_t′ is {@link DdimConfig#finalAlphaCumprod()}. When η &gt;
 * 0 one noise vector z is drawn per step, including steps where σ = 0, as diffusers does; with η = 0
 * nothing is drawn and a run is a deterministic function of x<sub>T</sub>, the condition and the
 * denoiser. x̂₀ and ε̂ are kept in float64; x and the model outputs are float32.
 *
 * <p>All working arrays are allocated here, once; a step allocates nothing. Timestep lists are computed
 * on first use of a step count and cached. Not thread-safe: one sampler per thread or task.
 */
public final class DdimSampler {
    private final DdimConfig config;
    private final Denoiser denoiser;
    private final NoiseSource noise;
    private final int sampleSize;
    private final double finalAlphaCumprod;
    private final float[] modelOutput;
    private final float[] unconditionalOutput;
    private final double[] originalSample;
    private final double[] epsilon;
    private final double[] clippingScratch;
    private final float[] stepNoise;
    private final int[][] timestepsByStepCount;

    /**
     * A sampler with its working arrays.
     *
     * @param noise the source of x<sub>T</sub> in {@link #sample} and of the per-step noise when η &gt; 0
     * @throws IllegalArgumentException if an argument is missing
     */
    public DdimSampler(DdimConfig config, Denoiser denoiser, NoiseSource noise) {
        if (config == null || denoiser == null || noise == null) {
            throw invalid("config, denoiser and noise source are all required");
        }
        this.config = config;
        this.denoiser = denoiser;
        this.noise = noise;
        this.sampleSize = denoiser.sampleShape().size();
        this.finalAlphaCumprod = config.finalAlphaCumprod();
        this.modelOutput = new float[sampleSize];
        this.unconditionalOutput = config.guidance().isActive() ? new float[sampleSize] : null;
        this.originalSample = new double[sampleSize];
        this.epsilon = new double[sampleSize];
        this.clippingScratch = config.clipping().needsScratch() ? new double[sampleSize] : null;
        this.stepNoise = config.eta() > 0 ? new float[sampleSize] : null;
        this.timestepsByStepCount = new int[config.schedule().trainTimesteps() + 1][];
    }

    /** The configuration. */
    public DdimConfig config() {
        return config;
    }

    /** The shape of the samples, the denoiser's. */
    public SampleShape sampleShape() {
        return denoiser.sampleShape();
    }

    /** Denoiser evaluations per step: 2 with active guidance, otherwise 1. */
    public int denoiserCallsPerStep() {
        return config.guidance().isActive() ? 2 : 1;
    }

    /**
     * A copy of the timesteps that {@code steps} steps evaluate, in order.
     *
     * @throws IllegalArgumentException if {@code steps} is not in 1..T or the spacing rejects it
     */
    public int[] timesteps(int steps) {
        return cachedTimesteps(steps).clone();
    }

    /**
     * Draws x<sub>T</sub> from the noise source into {@code out}, then {@link #denoise}s it.
     *
     * @param out receives the sample x₀, {@code sampleShape().size()} values
     */
    public void sample(int steps, float[] condition, float[] out) {
        Checks.length(out, sampleSize, "output sample");
        noise.fill(out);
        denoise(steps, condition, out);
    }

    /**
     * Runs {@code steps} DDIM steps in place, from x<sub>T</sub> (pure noise for a full generation, or any
     * starting point such as a noised prior) to x₀.
     *
     * @param steps S, in 1..T
     * @param condition the condition vector, {@code conditionSize()} values ({@code null} allowed if 0)
     * @param x x<sub>T</sub> on entry, the generated sample on return
     * @throws IllegalArgumentException if an array has the wrong length or {@code steps} is out of range
     */
    public void denoise(int steps, float[] condition, float[] x) {
        int[] timesteps = cachedTimesteps(steps);
        checkArrays(condition, x);
        for (int i = 0; i < steps; i++) {
            int previous = i + 1 < steps ? timesteps[i + 1] : -1;
            advance(timesteps[i], previous, condition, x);
        }
    }

    /**
     * One DDIM step from timestep t to t′, in place; {@link #denoise} is a sequence of these over
     * {@link #timesteps(int)}.
     *
     * @param timestep t, in 0..T−1
     * @param previousTimestep t′, in −1..t−1; −1 means the final ᾱ
     * @param condition as for {@link #denoise}
     * @param x x<sub>t</sub> on entry, x<sub>t′</sub> on return
     * @throws IllegalArgumentException if a timestep or an array length is out of range
     */
    public void step(int timestep, int previousTimestep, float[] condition, float[] x) {
        int trainTimesteps = config.schedule().trainTimesteps();
        if (timestep < 0 || timestep >= trainTimesteps || previousTimestep < -1 || previousTimestep >= timestep) {
            throw invalid("a step needs 0 <= t < %d and -1 <= t' < t; got t=%d, t'=%d", trainTimesteps, timestep,
                    previousTimestep);
        }
        checkArrays(condition, x);
        advance(timestep, previousTimestep, condition, x);
    }

    private void advance(int timestep, int previousTimestep, float[] condition, float[] x) {
        NoiseSchedule schedule = config.schedule();
        double alphaBar = schedule.alphaCumprod(timestep);
        double previousAlphaBar = previousTimestep >= 0 ? schedule.alphaCumprod(previousTimestep) : finalAlphaCumprod;
        double signal = Math.sqrt(alphaBar);
        double noiseLevel = Math.sqrt(1 - alphaBar);

        denoiser.predict(x, timestep, condition, modelOutput);
        if (unconditionalOutput != null) {
            denoiser.predictUnconditional(x, timestep, unconditionalOutput);
            config.guidance().apply(modelOutput, unconditionalOutput);
        }

        PredictionType prediction = config.predictionType();
        for (int i = 0; i < sampleSize; i++) {
            originalSample[i] = prediction.originalSample(x[i], modelOutput[i], signal, noiseLevel);
            epsilon[i] = prediction.epsilon(x[i], modelOutput[i], signal, noiseLevel);
        }
        config.clipping().apply(originalSample, clippingScratch);
        if (config.useClippedModelOutput()) {
            for (int i = 0; i < sampleSize; i++) {
                epsilon[i] = (x[i] - signal * originalSample[i]) / noiseLevel;
            }
        }

        double variance = (1 - previousAlphaBar) / (1 - alphaBar) * (1 - alphaBar / previousAlphaBar);
        double sigma = config.eta() * Math.sqrt(variance);
        double nextSignal = Math.sqrt(previousAlphaBar);
        double direction = Math.sqrt(Math.max(0, 1 - previousAlphaBar - sigma * sigma));
        if (stepNoise == null) {
            for (int i = 0; i < sampleSize; i++) {
                x[i] = (float) (nextSignal * originalSample[i] + direction * epsilon[i]);
            }
        } else {
            noise.fill(stepNoise);
            for (int i = 0; i < sampleSize; i++) {
                x[i] = (float) (nextSignal * originalSample[i] + direction * epsilon[i] + sigma * stepNoise[i]);
            }
        }
    }

    private int[] cachedTimesteps(int steps) {
        int trainTimesteps = config.schedule().trainTimesteps();
        if (steps < 1 || steps > trainTimesteps) {
            throw invalid("inference steps must be in 1..%d (T); got %d", trainTimesteps, steps);
        }
        int[] timesteps = timestepsByStepCount[steps];
        if (timesteps == null) {
            timesteps = config.spacing().timesteps(trainTimesteps, steps, config.stepsOffset());
            timestepsByStepCount[steps] = timesteps;
        }
        return timesteps;
    }

    private void checkArrays(float[] condition, float[] x) {
        Checks.length(x, sampleSize, "sample");
        int conditionSize = denoiser.conditionSize();
        if (!(condition == null && conditionSize == 0)) {
            Checks.length(condition, conditionSize, "condition");
        }
    }
}
