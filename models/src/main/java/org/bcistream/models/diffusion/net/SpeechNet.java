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
 * A FiLM-conditioned 1-D convolutional denoiser of mel-spectrogram chunks that chain into a stream. The
 * sample is one chunk of M mel bands × F frames, shape [M, F] (band-major: value [m, f] at m·F + f); the
 * context is the last K clean frames of the previous chunk, [M, K], same layout. The network sees the K + F
 * frames side by side with the mel bands as channels, plus one indicator channel (0 on context frames, 1 on
 * the noisy ones):
 *
 * <pre>
 *   h = conv_in([context | x_t ; indicator])     width k, M+1 → channels, over K+F frames
 *   h = n × ResBlock(h, e)                        1-D FiLM blocks ({@link ResBlock})
 *   out = conv_out(SiLU(GN(h)))[last F frames]    width k, channels → M, zero-initialised
 * </pre>
 *
 * where e is the {@link ConditioningEmbedding}. For a stream's first chunk the caller supplies whatever
 * context it trained with for utterance starts (e.g. K frames of silence). Not thread-safe.
 */
public final class SpeechNet implements ConditionalNetwork {
    private final SpeechNetConfig config;
    private final NetworkParameters parameters;
    private final SampleShape sampleShape;
    private final int width;
    private final ConditioningEmbedding embedding;
    private final Conv convIn;
    private final List<ResBlock> blocks = new ArrayList<>();
    private final GroupNorm normOut;
    private final Silu actOut = new Silu();
    private final Conv convOut;
    private final long multiplyAccumulates;

    private int batch;
    private INDArray input;
    private INDArray inputContextView;
    private INDArray inputNoisyView;
    private INDArray boundNoisy;
    private INDArray noisyFrames;
    private INDArray boundContext;
    private INDArray contextFrames;
    private INDArray output;
    private INDArray outputFrames;
    private INDArray boundResult;
    private INDArray resultNoisyView;
    private INDArray gradFull;
    private INDArray gradFullNoisyView;
    private INDArray boundGradOutput;
    private INDArray gradOutputFrames;
    private INDArray gradEmbedding;

    private SpeechNet(SpeechNetConfig config, DataType dataType, long seed) {
        this.config = config;
        this.parameters = new NetworkParameters(dataType, seed);
        this.sampleShape = SampleShape.of(config.melBands(), config.frames());
        this.width = config.contextFrames() + config.frames();
        this.embedding = new ConditioningEmbedding(parameters, config.sinusoidSize(), config.conditionSize());
        int channels = config.channels();
        this.convIn = Conv.oneD(parameters, "conv_in", config.melBands() + 1, channels, config.kernel(),
                Init.FAN_IN_UNIFORM, false);
        long macs = embedding.multiplyAccumulates() + convIn.multiplyAccumulates(1, width);
        for (int i = 0; i < config.blocks(); i++) {
            ResBlock block = new ResBlock(parameters, "block." + i, channels, channels, config.groups(),
                    embedding.size(), config.kernel(), false);
            macs += block.multiplyAccumulates(1, width);
            blocks.add(block);
        }
        this.normOut = new GroupNorm(parameters, "norm_out", channels, config.groups());
        this.convOut = Conv.oneD(parameters, "conv_out", channels, config.melBands(), config.kernel(), Init.ZERO,
                true);
        this.multiplyAccumulates = macs + convOut.multiplyAccumulates(1, width);
        parameters.allocate();
    }

    /**
     * A freshly initialised network, as {@link ImageUNet#create} describes.
     *
     * @param dataType {@code FLOAT} (production) or {@code DOUBLE} (gradient checks)
     */
    public static SpeechNet create(SpeechNetConfig config, DataType dataType, long seed) {
        if (config == null || dataType == null) {
            throw Checks.invalid("configuration and data type are required");
        }
        return new SpeechNet(config, dataType, seed);
    }

    /**
     * A float32 network with the given weights, e.g. from a model bundle.
     *
     * @throws IllegalArgumentException listing every missing, unexpected or mis-shaped weight
     */
    public static SpeechNet fromWeights(SpeechNetConfig config, Map<String, float[]> weights,
            Map<String, int[]> shapes) {
        SpeechNet network = create(config, DataType.FLOAT, 0);
        network.parameters.load(weights, shapes);
        return network;
    }

    /** The hyper-parameters. */
    public SpeechNetConfig config() {
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

    /** M·K: the previous chunk's last K frames, [M, K] band-major. */
    @Override
    public int contextSize() {
        return config.melBands() * config.contextFrames();
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
        int mels = config.melBands();
        if (noisy != boundNoisy) {
            noisyFrames = noisy.reshape(size, mels, 1, config.frames());
            boundNoisy = noisy;
        }
        if (context != boundContext) {
            contextFrames = context.reshape(size, mels, 1, config.contextFrames());
            boundContext = context;
        }
        inputContextView.assign(contextFrames);
        inputNoisyView.assign(noisyFrames);
        INDArray e = embedding.forward(timesteps, conditions, keepCondition);
        INDArray h = convIn.forward(input);
        for (ResBlock block : blocks) {
            h = block.forward(h, e);
        }
        INDArray result = convOut.forward(actOut.forward(normOut.forward(h)));
        if (result != boundResult) {
            resultNoisyView = result.get(all(), all(), all(), interval(config.contextFrames(), width));
            boundResult = result;
        }
        outputFrames.assign(resultNoisyView);
        return output;
    }

    @Override
    public void backward(INDArray gradOutput) {
        if (gradOutput != boundGradOutput) {
            gradOutputFrames = gradOutput.reshape(batch, config.melBands(), 1, config.frames());
            boundGradOutput = gradOutput;
        }
        gradFullNoisyView.assign(gradOutputFrames);
        INDArray g = normOut.backward(actOut.backward(convOut.backward(gradFull)));
        gradEmbedding.assign(0.0);
        for (int i = blocks.size() - 1; i >= 0; i--) {
            g = blocks.get(i).backward(g);
            gradEmbedding.addi(blocks.get(i).embeddingGradient());
        }
        convIn.backward(g);
        embedding.backward(gradEmbedding);
    }

    private void allocate(int size, DataType type) {
        batch = size;
        int mels = config.melBands();
        int contextWidth = config.contextFrames();
        input = Nd4j.create(type, size, mels + 1L, 1, width);
        inputContextView = input.get(all(), interval(0, mels), all(), interval(0, contextWidth));
        inputNoisyView = input.get(all(), interval(0, mels), all(), interval(contextWidth, width));
        input.get(all(), interval(mels, mels + 1), all(), interval(contextWidth, width)).assign(1.0);
        output = Nd4j.create(type, size, (long) sampleShape.size());
        outputFrames = output.reshape(size, mels, 1, config.frames());
        gradFull = Nd4j.create(type, size, mels, 1, width);
        gradFullNoisyView = gradFull.get(all(), all(), all(), interval(contextWidth, width));
        gradEmbedding = Nd4j.create(type, size, embedding.size());
        boundNoisy = null;
        boundContext = null;
        boundResult = null;
        boundGradOutput = null;
    }
}
