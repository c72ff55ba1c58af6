package org.bcistream.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bcistream.models.diffusion.DdimConfig;
import org.bcistream.models.diffusion.DdimSampler;
import org.bcistream.models.diffusion.NoiseSchedule;
import org.bcistream.models.diffusion.NoiseSource;
import org.bcistream.models.diffusion.PredictionType;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.bcistream.models.diffusion.net.ImageUNet;
import org.bcistream.models.diffusion.net.ImageUNetConfig;
import org.bcistream.models.diffusion.net.NetworkDenoiser;
import org.bcistream.models.diffusion.net.SpeechNet;
import org.bcistream.models.diffusion.net.SpeechNetConfig;
import org.bcistream.models.random.SplitMix64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One DDIM step at batch 1: one network prediction ({@link NetworkDenoiser}, float32, buffers reused) and the
 * sampler's update, for the denoisers the generators use. Weights are freshly initialised (the cost does not
 * depend on their values). Run with {@code OMP_NUM_THREADS=1} for the one-thread numbers; setup prints the
 * thread count ND4J uses, the parameter count and the multiply-accumulates per step.
 *
 * <ul>
 *   <li>{@code image-default}: the 32×32 U-Net of spec ddim.md C.5 (channels 32/64/128, 2 blocks per level).
 *   <li>{@code image-demo}: the pretrained image generator's U-Net (16/32/64, 1 block per level).
 *   <li>{@code speech-demo}: the pretrained speech generator's network (80 mel bands, 5-frame chunks, 4 context
 *       frames, 128 channels, 4 blocks).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DenoiserStepBenchmark {
    /** Length of the condition vector (the pretrained generators take 10 class scores; speech adds 8 positions). */
    static final int CONDITION = 10;

    @Param({"image-default", "image-demo", "speech-demo"})
    public String network;

    private DdimSampler sampler;
    private float[] condition;
    private float[] x;
    private float[] start;
    private int[] timesteps;
    private int index;

    @Setup
    public void setUp() {
        ConditionalNetwork net = switch (network) {
            case "image-default" -> ImageUNet.create(ImageUNetConfig.defaults(CONDITION), DataType.FLOAT, 1);
            case "image-demo" -> ImageUNet.create(new ImageUNetConfig(CONDITION, 32, List.of(16, 32, 64), 1, 8, 32), DataType.FLOAT, 1);
            case "speech-demo" -> SpeechNet.create(new SpeechNetConfig(CONDITION + 8, 80, 5, 4, 128, 4, 8, 3, 32), DataType.FLOAT, 1);
            default -> throw new IllegalArgumentException("unknown network " + network);
        };
        NetworkDenoiser denoiser = new NetworkDenoiser(net);
        DdimConfig config = DdimConfig.builder().setSchedule(NoiseSchedule.linear().withZeroTerminalSnr())
                .setPredictionType(PredictionType.V_PREDICTION).build();
        sampler = new DdimSampler(config, denoiser, NoiseSource.gaussian(SplitMix64.of(7)));
        condition = new float[net.conditionSize()];
        x = new float[net.sampleShape().size()];
        NoiseSource.gaussian(SplitMix64.of(3)).fill(condition);
        NoiseSource.gaussian(SplitMix64.of(5)).fill(x);
        start = x.clone();
        timesteps = sampler.timesteps(4);
        System.out.printf(Locale.ROOT, "%n%s: %,d parameters, %.1f MMAC per step, ND4J threads %d%n", network,
                net.parameters().count(), net.multiplyAccumulates() / 1e6, Nd4j.getEnvironment().maxThreads());
    }

    /** One step of a 4-step trailing schedule (cycling through its four timesteps). */
    @Benchmark
    public float[] step() {
        int i = index;
        index = (index + 1) % timesteps.length;
        int previous = i + 1 < timesteps.length ? timesteps[i + 1] : -1;
        sampler.step(timesteps[i], previous, condition, x);
        if (i == timesteps.length - 1) {
            System.arraycopy(start, 0, x, 0, x.length);
        }
        return x;
    }
}
