package org.bcistream.models.diffusion.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.models.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The hand-written backward passes against central finite differences, in float64, on tiny networks with
 * random weights (so no zero-initialised layer hides a path), a batch of two with one condition kept and one
 * dropped. Loss L = Σ output ⊙ R for a fixed random R, so dL/d(output) = R.
 */
class GradientCheckTest {
    private static final double STEP = 1e-5;

    @Test
    void imageUNetGradientsMatchFiniteDifferences() {
        ImageUNet network = ImageUNet.create(TinyNetworks.IMAGE, DataType.DOUBLE, 1);
        check(network, null);
    }

    @Test
    void speechNetGradientsMatchFiniteDifferences() {
        SpeechNet network = SpeechNet.create(TinyNetworks.SPEECH, DataType.DOUBLE, 2);
        check(network, TinyNetworks.uniform(DataType.DOUBLE, 13, 2, network.contextSize()));
    }

    private static void check(ConditionalNetwork network, INDArray context) {
        TinyNetworks.randomize(network, 7);
        int size = network.sampleShape().size();
        INDArray noisy = TinyNetworks.uniform(DataType.DOUBLE, 11, 2, size);
        INDArray conditions = TinyNetworks.uniform(DataType.DOUBLE, 12, 2, network.conditionSize());
        INDArray weights = TinyNetworks.uniform(DataType.DOUBLE, 14, 2, size);
        int[] timesteps = {5, 900};
        boolean[] keep = {true, false};
        network.forward(noisy, timesteps, conditions, keep, context);
        network.backward(weights);

        NetworkParameters params = network.parameters();
        SplitMix64 rng = SplitMix64.of(3);
        int checked = 0;
        double worst = 0;
        for (String name : params.names()) {
            INDArray value = params.value(name);
            INDArray gradient = params.gradient(name).dup();
            for (int k = 0; k < 3; k++) {
                long i = (long) (rng.nextDouble() * value.length());
                double original = value.getDouble(i);
                value.putScalar(i, original + STEP);
                double plus = loss(network, noisy, timesteps, conditions, keep, context, weights);
                value.putScalar(i, original - STEP);
                double minus = loss(network, noisy, timesteps, conditions, keep, context, weights);
                value.putScalar(i, original);
                double numeric = (plus - minus) / (2 * STEP);
                double analytic = gradient.getDouble(i);
                double error = Math.abs(numeric - analytic) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic));
                worst = Math.max(worst, error);
                assertTrue(error < 1e-6, () -> String.format("%s[%d]: analytic %.10g, numeric %.10g", name, i,
                        analytic, numeric));
                checked++;
            }
        }
        assertEquals(3 * params.names().size(), checked);
        assertTrue(worst < 1e-6);
    }

    private static double loss(ConditionalNetwork network, INDArray noisy, int[] timesteps, INDArray conditions,
            boolean[] keep, INDArray context, INDArray weights) {
        return network.forward(noisy, timesteps, conditions, keep, context).mul(weights).sumNumber().doubleValue();
    }
}
