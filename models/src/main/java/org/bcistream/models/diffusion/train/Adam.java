package org.bcistream.models.diffusion.train;

import org.bcistream.models.diffusion.net.NetworkParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma and Ba, ICLR 2015) without weight decay, as PyTorch's {@code torch.optim.Adam} computes it:
 * after step n with gradient g,
 *
 * <pre>
 *   m ← β₁·m + (1−β₁)·g,   v ← β₂·v + (1−β₂)·g²
 *   θ ← θ − (lr/(1−β₁ⁿ))·m/(√v/√(1−β₂ⁿ) + ε)
 * </pre>
 *
 * in place on the network's flat parameter vector, reading its flat gradient vector. Moments start at 0. Not
 * thread-safe.
 */
final class Adam {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final INDArray values;
    private final INDArray gradients;
    private final INDArray firstMoment;
    private final INDArray secondMoment;
    private final INDArray scratch;
    private int step;

    Adam(NetworkParameters parameters, double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.values = parameters.flatValues();
        this.gradients = parameters.flatGradients();
        this.firstMoment = Nd4j.zerosLike(values);
        this.secondMoment = Nd4j.zerosLike(values);
        this.scratch = Nd4j.zerosLike(values);
    }

    /** Applies one update from the current gradients. */
    void step() {
        step++;
        double firstCorrection = 1 - Math.pow(beta1, step);
        double secondCorrection = Math.sqrt(1 - Math.pow(beta2, step));
        gradients.mul(1 - beta1, scratch);
        firstMoment.muli(beta1).addi(scratch);
        gradients.mul(gradients, scratch).muli(1 - beta2);
        secondMoment.muli(beta2).addi(scratch);
        Nd4j.exec(new Sqrt(secondMoment, scratch));
        scratch.divi(secondCorrection).addi(epsilon);
        firstMoment.div(scratch, scratch).muli(learningRate / firstCorrection);
        values.subi(scratch);
    }
}
