package org.bcistream.models.diffusion.net;

import org.bcistream.models.diffusion.Checks;
import org.bcistream.models.diffusion.Denoiser;
import org.bcistream.models.diffusion.SampleShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link ConditionalNetwork} as the sampler's batch-1 {@link Denoiser}: each call copies x (and the
 * condition) into input arrays allocated once, runs the network's batch-1 forward pass on buffers it
 * allocated on the first call, and copies the prediction out. After the first call no array memory is
 * allocated (the remaining per-call garbage is ND4J's small op and view descriptors; see the tests).
 * {@link #predictUnconditional} uses the network's learned null condition.
 *
 * <p>For a network with context ({@link SpeechNet}), {@link #setContext} holds the previous chunk's last
 * frames for every following call (zeros until first set), so conditional and unconditional predictions see
 * the same stream state. Not thread-safe; the network must not be used elsewhere meanwhile.
 */
public final class NetworkDenoiser implements Denoiser {
    private final ConditionalNetwork network;
    private final INDArray noisy;
    private final INDArray condition;
    private final INDArray context;
    private final int[] timestep = new int[1];
    private final boolean[] keep = new boolean[1];

    public NetworkDenoiser(ConditionalNetwork network) {
        if (network == null) {
            throw Checks.invalid("network is missing");
        }
        this.network = network;
        var type = network.parameters().dataType();
        this.noisy = Nd4j.create(type, 1, network.sampleShape().size());
        this.condition = Nd4j.create(type, 1, network.conditionSize());
        this.context = network.contextSize() > 0 ? Nd4j.create(type, 1, network.contextSize()) : null;
    }

    /** The wrapped network. */
    public ConditionalNetwork network() {
        return network;
    }

    @Override
    public SampleShape sampleShape() {
        return network.sampleShape();
    }

    @Override
    public int conditionSize() {
        return network.conditionSize();
    }

    /**
     * Sets the clean context of the following predictions.
     *
     * @param values {@code network().contextSize()} values (for {@link SpeechNet}: the previous chunk's last K
     *     frames, [M, K] band-major); copied
     * @throws IllegalArgumentException if the network takes no context or the length is wrong
     */
    public void setContext(float[] values) {
        if (context == null) {
            throw Checks.invalid("this network takes no context");
        }
        Checks.length(values, network.contextSize(), "context");
        Transfer.copyIn(values, 0, context);
    }

    @Override
    public void predict(float[] x, int t, float[] conditionValues, float[] out) {
        Checks.length(conditionValues, network.conditionSize(), "condition");
        Transfer.copyIn(conditionValues, 0, condition);
        run(x, t, true, out);
    }

    @Override
    public void predictUnconditional(float[] x, int t, float[] out) {
        run(x, t, false, out);
    }

    private void run(float[] x, int t, boolean useCondition, float[] out) {
        int size = network.sampleShape().size();
        Checks.length(x, size, "sample");
        Checks.length(out, size, "output");
        Transfer.copyIn(x, 0, noisy);
        timestep[0] = t;
        keep[0] = useCondition;
        Transfer.copyOut(network.forward(noisy, timestep, condition, keep, context), out, 0);
    }
}
