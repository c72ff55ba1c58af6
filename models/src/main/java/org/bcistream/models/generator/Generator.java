package org.bcistream.models.generator;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.bcistream.models.diffusion.BudgetedSample;
import org.bcistream.models.diffusion.BudgetedSampler;
import org.bcistream.models.diffusion.NoiseSource;
import org.bcistream.models.diffusion.StepCostModel;
import org.bcistream.models.diffusion.StepLadder;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.bcistream.models.diffusion.net.NetworkDenoiser;
import org.bcistream.models.random.SplitMix64;
import org.bcistream.models.random.StandardNormal;

/**
 * Runs a trained {@link GeneratorBundle}: maps a raw condition (mean latent rates) through the bundle's
 * {@link ConditionTransform}, samples with DDIM, and returns the target: a glyph image, or a word's log-mel
 * spectrogram generated as chained chunks (each chunk conditioned on the condition, its one-hot position, and
 * the last frames of the chunk before it; the first on silence).
 *
 * <p>Every generation takes a seed: the noise of a generation is a function of the seed alone, so the same
 * condition, steps and seed give the same output bit for bit. {@link #generateWithin} fits a
 * time budget with a {@link BudgetedSampler} (step ladder 1, 2, 4, ... up to {@code maxSteps}, online cost
 * model, injected clock). Not thread-safe: one generator per thread.
 */
public final class Generator {
    private final GeneratorBundle bundle;
    private final NetworkDenoiser denoiser;
    private final SeededNoise noise = new SeededNoise();
    private final BudgetedSampler budgeted;
    private final LongSupplier nanoClock;
    private final int sampleSize;
    private final float[] networkCondition;
    private final float[] chunk;
    private final float[] context;

    private Generator(GeneratorBundle bundle, int maxSteps, LongSupplier nanoClock) {
        this.bundle = bundle;
        ConditionalNetwork network = bundle.design().load(bundle.weights(), bundle.shapes());
        this.denoiser = new NetworkDenoiser(network);
        this.budgeted = new BudgetedSampler(bundle.sampler().toDdimConfig(bundle.schedule().toSchedule()), denoiser, noise,
                StepLadder.powersOfTwo(maxSteps), StepCostModel.withDefaults(), nanoClock);
        this.nanoClock = nanoClock;
        this.sampleSize = network.sampleShape().size();
        this.networkCondition = new float[network.conditionSize()];
        this.chunk = new float[sampleSize];
        this.context = new float[network.contextSize()];
    }

    /**
     * A generator timed by {@link System#nanoTime()}.
     *
     * @param maxSteps the largest step count budgeted sampling may choose, {@code >= 1}
     */
    public static Generator of(GeneratorBundle bundle, int maxSteps) {
        return of(bundle, maxSteps, System::nanoTime);
    }

    /** A generator timed by {@code nanoClock} (tests inject a fake one). */
    public static Generator of(GeneratorBundle bundle, int maxSteps, LongSupplier nanoClock) {
        if (bundle == null || nanoClock == null || maxSteps < 1) {
            throw new IllegalArgumentException("a generator needs a bundle, a clock and maxSteps >= 1; got maxSteps " + maxSteps);
        }
        return new Generator(bundle, maxSteps, nanoClock);
    }

    /** The model. */
    public GeneratorBundle bundle() {
        return bundle;
    }

    /** The sampler's cost model (warm it up with a few generations before relying on budgets). */
    public StepCostModel costModel() {
        return budgeted.costModel();
    }

    /**
     * Generates with exactly {@code steps} DDIM steps (per chunk for speech).
     *
     * @param condition the raw condition, {@link GeneratorBundle#conditionSize()} finite values
     * @param seed the generation's noise seed
     * @throws IllegalArgumentException for a wrong condition length, a non-finite value, or steps outside 1..T
     */
    public Output generate(float[] condition, int steps, long seed) {
        long start = nanoClock.getAsLong();
        int[] used = {Integer.MAX_VALUE};
        float[] values = run(condition, seed, (sampler, cond, out, chunksLeft) -> {
            sampler.sampler().sample(steps, cond, out);
            used[0] = steps;
        });
        long elapsed = nanoClock.getAsLong() - start;
        return new Output(bundle.kind(), values, used[0], elapsed, Long.MAX_VALUE, false);
    }

    /**
     * Generates within {@code budgetNanos} from now: each sample (each chunk of a word, with the time left
     * shared among the chunks left) runs the largest step count the cost model predicts will fit. A generation
     * that overruns is returned and flagged, never dropped.
     */
    public Output generateWithin(float[] condition, long budgetNanos, long seed) {
        long start = nanoClock.getAsLong();
        long deadline = start + budgetNanos;
        int[] used = {Integer.MAX_VALUE};
        float[] values = run(condition, seed, (sampler, cond, out, chunksLeft) -> {
            long left = deadline - nanoClock.getAsLong();
            BudgetedSample sample = sampler.sample(cond, left / chunksLeft, out);
            used[0] = Math.min(used[0], sample.steps());
        });
        long elapsed = nanoClock.getAsLong() - start;
        return new Output(bundle.kind(), values, used[0], elapsed, budgetNanos, elapsed > budgetNanos);
    }

    private float[] run(float[] condition, long seed, ChunkSampler sampleChunk) {
        for (float c : condition) {
            if (!Float.isFinite(c)) {
                throw new IllegalArgumentException("condition value " + c + " is not finite: " + Arrays.toString(condition));
            }
        }
        float[] transformed = bundle.transform().apply(condition);
        System.arraycopy(transformed, 0, networkCondition, 0, transformed.length);
        noise.reseed(seed);
        if (bundle.design() instanceof NetworkDesign.Speech speech) {
            return speech(speech, transformed.length, sampleChunk);
        }
        sampleChunk.sample(budgeted, networkCondition, chunk, 1);
        float[] image = new float[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            image[i] = (float) Math.max(-1, Math.min(1, bundle.targetOffset() + bundle.targetScale() * chunk[i]));
        }
        return image;
    }

    private float[] speech(NetworkDesign.Speech speech, int conditionValues, ChunkSampler sampleChunk) {
        int bands = speech.config().melBands();
        int frames = speech.config().frames();
        int contextFrames = speech.config().contextFrames();
        float[] logMel = new float[speech.frames() * bands]; // frame-major
        Arrays.fill(context, silence());
        double floor = Math.log(bundle.mel().logFloor());
        for (int k = 0; k < speech.chunks(); k++) {
            Arrays.fill(networkCondition, conditionValues, networkCondition.length, 0f);
            networkCondition[conditionValues + k] = 1f;
            denoiser.setContext(context);
            sampleChunk.sample(budgeted, networkCondition, chunk, speech.chunks() - k);
            for (int m = 0; m < bands; m++) {
                for (int f = 0; f < frames; f++) {
                    double value = bundle.targetOffset() + bundle.targetScale() * chunk[m * frames + f];
                    logMel[(k * frames + f) * bands + m] = (float) Math.max(floor, value);
                }
                for (int j = 0; j < contextFrames; j++) {
                    context[m * contextFrames + j] = chunk[m * frames + frames - contextFrames + j];
                }
            }
        }
        return logMel;
    }

    /** The network-scale value of a silent frame (the log floor), the context of a word's first chunk. */
    float silence() {
        return (float) ((Math.log(bundle.mel().logFloor()) - bundle.targetOffset()) / bundle.targetScale());
    }

    @FunctionalInterface
    private interface ChunkSampler {
        void sample(BudgetedSampler sampler, float[] condition, float[] out, int chunksLeft);
    }

    /** Gaussian noise from a SplitMix64 re-seeded for every generation. */
    private static final class SeededNoise implements NoiseSource {
        private SplitMix64 rng = SplitMix64.of(0);

        void reseed(long seed) {
            rng = SplitMix64.of(seed);
        }

        @Override
        public void fill(float[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) StandardNormal.sample(rng);
            }
        }
    }

    /**
     * One generation.
     *
     * @param kind image or speech
     * @param values image pixels in [−1, 1] (row-major, S×S), or a log-mel spectrogram frame-major ([frames][M] flattened)
     * @param steps DDIM steps used (for speech the fewest of any chunk)
     * @param nanos time taken
     * @param budgetNanos the budget; {@code Long.MAX_VALUE} for a fixed step count
     * @param deadlineMissed whether it took longer than the budget
     */
    public record Output(GeneratorKind kind, float[] values, int steps, long nanos, long budgetNanos, boolean deadlineMissed) {

        /** The log-mel spectrogram [frames][M] of a speech output. */
        public float[][] logMel(int bands) {
            if (kind != GeneratorKind.SPEECH || values.length % bands != 0) {
                throw new IllegalStateException(String.format(Locale.ROOT, "a %s output of %d values is not a spectrogram of %d bands",
                        kind, values.length, bands));
            }
            float[][] frames = new float[values.length / bands][bands];
            for (int f = 0; f < frames.length; f++) {
                System.arraycopy(values, f * bands, frames[f], 0, bands);
            }
            return frames;
        }
    }
}
