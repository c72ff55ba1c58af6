package org.bcistream.models.diffusion.net;

import org.bcistream.models.diffusion.Checks;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bcistream.models.diffusion.SampleShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small conditional U-Net for S×S single-channel images (spec ddim.md C.5), sample shape [1, S, S]. With
 * levels ℓ = 0..L−1 of c_ℓ channels at S/2<sup>ℓ</sup> pixels:
 *
 * <pre>
 *   h = conv_in(x)                                   3×3, 1 → c_0
 *   down ℓ: n × ResBlock(→ c_ℓ); skip_ℓ = h; then (ℓ &lt; L−1) a 3×3 stride-2 conv
 *   up ℓ = L−2..0: h = conv3×3(nearest×2(h)) → c_ℓ; h = concat(h, skip_ℓ); n × ResBlock(→ c_ℓ)
 *   out = conv_out(SiLU(GN(h)))                      3×3, c_0 → 1, zero-initialised
 * </pre>
 *
 * Every {@link ResBlock} takes FiLM scale and shift from the {@link ConditioningEmbedding} (time embedding
 * plus condition MLP, or the learned null condition). No attention. The defaults
 * ({@link ImageUNetConfig#defaults}) have about 1.3 M parameters and 0.25 GMAC per sample: see
 * {@link #multiplyAccumulates()} and {@code parameters().count()}.
 *
 * <p>Weight names and shapes follow the layer names in the code (e.g. {@code down.1.block.0.conv1.weight},
 * [64, 32, 3, 3]). Not thread-safe.
 */
public final class ImageUNet implements ConditionalNetwork {
    private final ImageUNetConfig config;
    private final NetworkParameters parameters;
    private final SampleShape sampleShape;
    private final int levels;
    private final ConditioningEmbedding embedding;
    private final Conv convIn;
    private final List<List<ResBlock>> downBlocks = new ArrayList<>();
    private final List<Conv> downsamples = new ArrayList<>();
    private final List<Upsample> upsamples = new ArrayList<>();
    private final List<Conv> upConvs = new ArrayList<>();
    private final List<List<ResBlock>> upBlocks = new ArrayList<>();
    private final GroupNorm normOut;
    private final Silu actOut = new Silu();
    private final Conv convOut;
    private final long multiplyAccumulates;

    private int batch;
    private INDArray boundNoisy;
    private INDArray image;
    private INDArray boundResult;
    private INDArray output;
    private INDArray[] skips;
    private INDArray[] concats;
    private INDArray[] concatUpViews;
    private INDArray[] concatSkipViews;
    private INDArray[] gradUp;
    private INDArray[] gradSkips;
    private INDArray[] gradLevels;
    private INDArray gradEmbedding;
    private INDArray boundGradOutput;
    private INDArray gradImage;

    private ImageUNet(ImageUNetConfig config, DataType dataType, long seed) {
        this.config = config;
        this.parameters = new NetworkParameters(dataType, seed);
        int size = config.imageSize();
        this.sampleShape = SampleShape.of(1, size, size);
        List<Integer> channels = config.channels();
        this.levels = channels.size();
        int groups = config.groups();
        this.embedding = new ConditioningEmbedding(parameters, config.sinusoidSize(), config.conditionSize());
        int emb = embedding.size();
        long macs = embedding.multiplyAccumulates();
        this.convIn = Conv.twoD(parameters, "conv_in", 1, channels.get(0), 3, 1, Init.FAN_IN_UNIFORM, false);
        macs += convIn.multiplyAccumulates(size, size);
        int in = channels.get(0);
        for (int level = 0; level < levels; level++) {
            int side = size >> level;
            int out = channels.get(level);
            List<ResBlock> blocks = new ArrayList<>();
            for (int i = 0; i < config.blocksPerLevel(); i++) {
                ResBlock block = new ResBlock(parameters, "down." + level + ".block." + i, in, out, groups, emb, 3,
                        true);
                macs += block.multiplyAccumulates(side, side);
                blocks.add(block);
                in = out;
            }
            downBlocks.add(blocks);
            if (level < levels - 1) {
                Conv down = Conv.twoD(parameters, "down." + level + ".downsample", out, out, 3, 2,
                        Init.FAN_IN_UNIFORM, true);
                macs += down.multiplyAccumulates(side, side);
                downsamples.add(down);
            }
        }
        for (int level = levels - 2; level >= 0; level--) {
            int side = size >> level;
            int out = channels.get(level);
            upsamples.add(new Upsample());
            Conv upConv = Conv.twoD(parameters, "up." + level + ".upsample_conv", in, out, 3, 1, Init.FAN_IN_UNIFORM,
                    true);
            macs += upConv.multiplyAccumulates(side, side);
            upConvs.add(upConv);
            in = 2 * out;
            List<ResBlock> blocks = new ArrayList<>();
            for (int i = 0; i < config.blocksPerLevel(); i++) {
                ResBlock block = new ResBlock(parameters, "up." + level + ".block." + i, in, out, groups, emb, 3,
                        true);
                macs += block.multiplyAccumulates(side, side);
                blocks.add(block);
                in = out;
            }
            upBlocks.add(blocks);
        }
        this.normOut = new GroupNorm(parameters, "norm_out", in, groups);
        this.convOut = Conv.twoD(parameters, "conv_out", in, 1, 3, 1, Init.ZERO, true);
        this.multiplyAccumulates = macs + convOut.multiplyAccumulates(size, size);
        parameters.allocate();
    }

    /**
     * A freshly initialised network: PyTorch's default fan-in uniform initialisation from a
     * {@link org.bcistream.models.random.SplitMix64} seeded with {@code seed}, GroupNorm at identity, and the
     * output convolution, each block's second convolution and the null condition at zero.
     *
     * @param dataType {@code FLOAT} (production) or {@code DOUBLE} (gradient checks)
     */
    public static ImageUNet create(ImageUNetConfig config, DataType dataType, long seed) {
        if (config == null || dataType == null) {
            throw Checks.invalid("configuration and data type are required");
        }
        return new ImageUNet(config, dataType, seed);
    }

    /**
     * A float32 network with the given weights, e.g. from a model bundle.
     *
     * @param weights values by name, as {@link #weights()} gives them
     * @param shapes shapes by name, as {@link #shapes()} gives them
     * @throws IllegalArgumentException listing every missing, unexpected or mis-shaped weight
     */
    public static ImageUNet fromWeights(ImageUNetConfig config, Map<String, float[]> weights,
            Map<String, int[]> shapes) {
        ImageUNet network = create(config, DataType.FLOAT, 0);
        network.parameters.load(weights, shapes);
        return network;
    }

    /** The hyper-parameters. */
    public ImageUNetConfig config() {
        return config;
    }

    @Override
    public SampleShape sampleShape() {
        return sampleShape;
    }

    @Override
    public int conditionSize() {
        return config.conditionSize();
    }

    @Override
    public int contextSize() {
        return 0;
    }

    @Override
    public NetworkParameters parameters() {
        return parameters;
    }

    @Override
    public long multiplyAccumulates() {
        return multiplyAccumulates;
    }

    @Override
    public INDArray forward(INDArray noisy, int[] timesteps, INDArray conditions, boolean[] keepCondition,
            INDArray context) {
        int size = BatchChecks.check(this, noisy, timesteps, conditions, keepCondition, context);
        if (size != batch) {
            allocate(size, noisy.dataType());
        }
        if (noisy != boundNoisy) {
            image = noisy.reshape(size, 1, config.imageSize(), config.imageSize());
            boundNoisy = noisy;
        }
        INDArray e = embedding.forward(timesteps, conditions, keepCondition);
        INDArray h = convIn.forward(image);
        for (int level = 0; level < levels; level++) {
            for (ResBlock block : downBlocks.get(level)) {
                h = block.forward(h, e);
            }
            skips[level] = h;
            if (level < levels - 1) {
                h = downsamples.get(level).forward(h);
            }
        }
        for (int i = 0; i < upBlocks.size(); i++) {
            int level = levels - 2 - i;
            h = upConvs.get(i).forward(upsamples.get(i).forward(h));
            concatUpViews[level].assign(h);
            concatSkipViews[level].assign(skips[level]);
            h = concats[level];
            for (ResBlock block : upBlocks.get(i)) {
                h = block.forward(h, e);
            }
        }
        INDArray result = convOut.forward(actOut.forward(normOut.forward(h)));
        if (result != boundResult) {
            output = result.reshape(size, sampleShape.size());
            boundResult = result;
        }
        return output;
    }

    @Override
    public void backward(INDArray gradOutput) {
        if (gradOutput != boundGradOutput) {
            gradImage = gradOutput.reshape(batch, 1, config.imageSize(), config.imageSize());
            boundGradOutput = gradOutput;
        }
        INDArray g = normOut.backward(actOut.backward(convOut.backward(gradImage)));
        gradEmbedding.assign(0.0);
        for (int i = upBlocks.size() - 1; i >= 0; i--) {
            int level = levels - 2 - i;
            List<ResBlock> blocks = upBlocks.get(i);
            for (int j = blocks.size() - 1; j >= 0; j--) {
                g = blocks.get(j).backward(g);
                gradEmbedding.addi(blocks.get(j).embeddingGradient());
            }
            int c = config.channels().get(level);
            gradUp[level].assign(g.get(all(), interval(0, c), all(), all()));
            gradSkips[level].assign(g.get(all(), interval(c, 2 * c), all(), all()));
            g = upsamples.get(i).backward(upConvs.get(i).backward(gradUp[level]));
        }
        for (int level = levels - 1; level >= 0; level--) {
            if (level < levels - 1) {
                downsamples.get(level).backward(g).add(gradSkips[level], gradLevels[level]);
                g = gradLevels[level];
            }
            List<ResBlock> blocks = downBlocks.get(level);
            for (int j = blocks.size() - 1; j >= 0; j--) {
                g = blocks.get(j).backward(g);
                gradEmbedding.addi(blocks.get(j).embeddingGradient());
            }
        }
        convIn.backward(g);
        embedding.backward(gradEmbedding);
    }

    private void allocate(int size, DataType type) {
        batch = size;
        int side = config.imageSize();
        skips = new INDArray[levels];
        concats = new INDArray[levels];
        concatUpViews = new INDArray[levels];
        concatSkipViews = new INDArray[levels];
        gradUp = new INDArray[levels];
        gradSkips = new INDArray[levels];
        gradLevels = new INDArray[levels];
        for (int level = 0; level < levels - 1; level++) {
            int c = config.channels().get(level);
            int s = side >> level;
            concats[level] = Nd4j.create(type, size, 2L * c, s, s);
            concatUpViews[level] = concats[level].get(all(), interval(0, c), all(), all());
            concatSkipViews[level] = concats[level].get(all(), interval(c, 2 * c), all(), all());
            gradUp[level] = Nd4j.create(type, size, c, s, s);
            gradSkips[level] = Nd4j.create(type, size, c, s, s);
            gradLevels[level] = Nd4j.create(type, size, c, s, s);
        }
        gradEmbedding = Nd4j.create(type, size, embedding.size());
        boundResult = null;
        boundNoisy = null;
        boundGradOutput = null;
    }
}
