package org.bcistream.decoders.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.render.PngRenderer;
import org.bcistream.decoders.trigger.GenerationRequest;
import org.bcistream.models.audio.GriffinLim;
import org.bcistream.models.audio.Pcm16;
import org.bcistream.models.audio.Vocoder;
import org.bcistream.models.generator.Generator;
import org.bcistream.models.generator.GeneratorBundle;
import org.bcistream.models.generator.GeneratorKind;
import org.bcistream.models.glyph.GlyphRenderer;
import org.bcistream.models.random.SplitMix64;

/**
 * {@link OutputGenerator}s backed by a generator bundle: a glyph image as PNG, or a spoken word as 16-bit PCM (the
 * bundle's log-mel output through a Griffin-Lim vocoder). Each request's noise seed is a function of the base
 * seed, the session id and the request index only, so outputs do not depend on which worker or subtask generates
 * them. A new generator first runs {@value #WARM_UP_GENERATIONS} generations of its first label (JIT and the step
 * cost model warm up). With a fixed step count the output is a function of the request alone (replays and any parallelism give
 * the same bytes); otherwise the budgeted sampler picks the steps from its measured costs.
 *
 * @param bundlePath the bundle, readable wherever the job's generation operator runs
 * @param seed base noise seed
 * @param fixedSteps DDIM steps for every output, or {@code null} to fit each request's budget
 * @param maxSteps the largest step count budgeted sampling may choose, {@code >= 1}
 * @param pngScale PNG pixels per generated pixel, in 1..{@link PngRenderer#MAX_SCALE}
 * @param vocoderIterations Griffin-Lim iterations for speech, {@code >= 0}
 */
public record BundleGenerators(String bundlePath, long seed, Integer fixedSteps, int maxSteps, int pngScale, int vocoderIterations)
        implements GeneratorFactory, Serializable {
    private static final long serialVersionUID = 1L;
    /** Generations run when a generator is built, before it serves requests. */
    static final int WARM_UP_GENERATIONS = 3;
    private static final long WARM_UP_BUDGET_NANOS = 10_000_000_000L;

    public BundleGenerators {
        if (bundlePath == null || maxSteps < 1 || (fixedSteps != null && fixedSteps < 1) || pngScale < 1
                || pngScale > PngRenderer.MAX_SCALE || vocoderIterations < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "generation settings: bundle %s, steps %s, max steps %d, PNG scale %d, vocoder iterations %d", bundlePath,
                    fixedSteps, maxSteps, pngScale, vocoderIterations));
        }
    }

    /** The output kind of a bundle's generator. */
    public static OutputKind kindOf(GeneratorBundle bundle) {
        return bundle.kind() == GeneratorKind.IMAGE ? OutputKind.IMAGE : OutputKind.SPEECH;
    }

    /** The noise seed of a request: a mix of the base seed, the session id and the request index. */
    public static long requestSeed(long seed, String sessionId, long index) {
        SplitMix64 mix = SplitMix64.of(seed ^ (sessionId.hashCode() * 0x9E3779B97F4A7C15L));
        return SplitMix64.of(mix.nextLong() + index).nextLong();
    }

    @Override
    public OutputGenerator create() throws IOException {
        GeneratorBundle bundle = GeneratorBundle.read(Path.of(bundlePath));
        int ladderTop = fixedSteps != null ? Math.max(maxSteps, fixedSteps) : maxSteps;
        Generator generator = Generator.of(bundle, ladderTop);
        Vocoder vocoder = bundle.kind() == GeneratorKind.SPEECH ? GriffinLim.builder(bundle.mel()).optIterations(vocoderIterations).build() : null;
        PngRenderer png = new PngRenderer(pngScale);
        float[] warmUp = bundle.labelConditions()[0];
        for (int i = 0; i < WARM_UP_GENERATIONS; i++) { // compiles the hot code and calibrates the step cost model
            Generator.Output output = generator.generateWithin(warmUp, WARM_UP_BUDGET_NANOS, i);
            if (vocoder != null) {
                vocoder.synthesize(output.logMel(bundle.mel().nMels()));
            }
        }
        return new OutputGenerator() {
            @Override
            public OutputKind kind() {
                return kindOf(bundle);
            }

            @Override
            public Generated generate(GenerationRequest request, long budgetNanos) throws IOException {
                long noiseSeed = requestSeed(seed, request.sessionId(), request.index());
                Generator.Output output = fixedSteps != null ? generator.generate(request.condition(), fixedSteps, noiseSeed)
                        : generator.generateWithin(request.condition(), budgetNanos, noiseSeed);
                if (vocoder == null) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    png.write(output.values(), GlyphRenderer.SIZE, GlyphRenderer.SIZE, bytes);
                    return new Generated(bytes.toByteArray(), output.steps());
                }
                float[] audio = vocoder.synthesize(output.logMel(bundle.mel().nMels()));
                byte[] pcm = new byte[audio.length * Pcm16.BYTES_PER_SAMPLE];
                Pcm16.encode(audio, 0, audio.length, pcm, 0);
                return new Generated(pcm, output.steps());
            }
        };
    }
}
