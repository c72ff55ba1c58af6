package org.bcistream.models.diffusion.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.models.diffusion.NoiseSchedule;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.bcistream.models.diffusion.net.NetworkParameters;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The pieces of one training step against hand computations. */
class TrainingStepsTest {

    @Test
    void adamMatchesTheScalarRecurrence() {
        NetworkParameters params = TinyNets.image(1).parameters();
        INDArray values = params.flatValues();
        INDArray gradients = params.flatGradients();
        values.assign(0.5);
        double lr = 0.01;
        double beta1 = 0.8;
        double beta2 = 0.9;
        double eps = 1e-3;
        Adam adam = new Adam(params, lr, beta1, beta2, eps);
        double[] grads = {0.3, -1.2, 0.05};
        double theta = 0.5;
        double m = 0;
        double v = 0;
        for (int n = 1; n <= grads.length; n++) {
            gradients.assign(grads[n - 1]);
            adam.step();
            m = beta1 * m + (1 - beta1) * grads[n - 1];
            v = beta2 * v + (1 - beta2) * grads[n - 1] * grads[n - 1];
            theta -= lr / (1 - Math.pow(beta1, n)) * m / (Math.sqrt(v) / Math.sqrt(1 - Math.pow(beta2, n)) + eps);
        }
        assertEquals(theta, values.getDouble(0), 1e-6);
        assertEquals(theta, values.getDouble(values.length() - 1), 1e-6);
    }

    @Test
    void weightAverageFollowsTheWarmedUpDecay() {
        NetworkParameters params = TinyNets.image(1).parameters();
        params.flatValues().assign(1.0);
        WeightAverage average = new WeightAverage(params, 0.9);
        assertEquals(2 / 11.0, average.decayAt(1), 1e-15);
        assertEquals(0.9, average.decayAt(1000), 1e-15);
        params.flatValues().assign(3.0);
        average.update();
        double expected = 2 / 11.0 * 1 + 9 / 11.0 * 3;
        params.flatValues().assign(-1.0);
        average.update();
        expected = 3 / 12.0 * expected + 9 / 12.0 * -1;
        float[] first = average.weights().get("time_embedding.linear_1.weight");
        float[] last = average.weights().get("conv_out.bias");
        assertEquals(expected, first[0], 1e-6);
        assertEquals(expected, last[last.length - 1], 1e-6);
        assertEquals(params.names(), java.util.List.copyOf(average.weights().keySet()));
    }

    @Test
    void clippingScalesTheGlobalNormDownAndKeepsTheDirection() {
        NetworkParameters params = TinyNets.image(1).parameters();
        INDArray gradients = params.flatGradients();
        gradients.assign(0.0);
        gradients.putScalar(0, 3.0);
        gradients.putScalar(gradients.length() - 1, 4.0);
        assertEquals(5.0, GradientClipping.clip(params, 1.0), 1e-6);
        assertEquals(0.6, gradients.getDouble(0), 1e-6);
        assertEquals(0.8, gradients.getDouble(gradients.length() - 1), 1e-6);
        assertEquals(1.0, GradientClipping.clip(params, 2.0), 1e-6);
        assertEquals(0.6, gradients.getDouble(0), 1e-6);
    }

    @Test
    void batchesHoldNoisySamplesAndVelocityTargetsOfTheData() {
        ConditionalNetwork network = TinyNets.speech(1);
        NoiseSchedule schedule = NoiseSchedule.cosine();
        ToyData data = new ToyData(3, 3, 15, 10, 4);
        BatchSampler batches = new BatchSampler(data, network, schedule, 5, 0, 11);
        int[] seen = new int[3];
        for (int draw = 0; draw < 3; draw++) {
            batches.next();
            for (int b = 0; b < 5; b++) {
                int t = batches.timesteps[b];
                double a = Math.sqrt(schedule.alphaCumprod(t));
                double s = Math.sqrt(1 - schedule.alphaCumprod(t));
                // x0 = a·x_t − s·v recovers the clean target exactly
                float[] x0 = new float[15];
                for (int i = 0; i < 15; i++) {
                    x0[i] = (float) (a * batches.noisy.getDouble(b, i) - s * batches.targets.getDouble(b, i));
                }
                int pair = pairOf(data, x0);
                seen[pair]++;
                assertEquals(1.0, batches.conditions.getDouble(b, pair), 0);
                assertEquals(data.context(pair)[7], batches.context.getDouble(b, 7), 1e-7);
                assertTrue(batches.keep[b]);
            }
        }
        // 15 draws from 3 pairs, each epoch a permutation: every pair exactly 5 times
        assertEquals(5, seen[0]);
        assertEquals(5, seen[1]);
        assertEquals(5, seen[2]);
    }

    @Test
    void conditionsAreDroppedAtTheConfiguredRate() {
        ConditionalNetwork network = TinyNets.image(1);
        BatchSampler batches = new BatchSampler(new ToyData(2, 3, 64, 0, 1), network, NoiseSchedule.linear(), 50,
                0.1, 5);
        int dropped = 0;
        int draws = 200;
        int[] timestepCounts = new int[10];
        for (int i = 0; i < draws; i++) {
            batches.next();
            for (int b = 0; b < 50; b++) {
                dropped += batches.keep[b] ? 0 : 1;
                timestepCounts[batches.timesteps[b] / 100]++;
            }
        }
        double rate = dropped / (50.0 * draws);
        // binomial standard deviation √(0.1·0.9/10000) = 0.003
        assertEquals(0.1, rate, 0.012);
        for (int count : timestepCounts) {
            assertEquals(1000, count, 150);
        }
    }

    private static int pairOf(ToyData data, float[] x0) {
        for (int pair = 0; pair < data.size(); pair++) {
            float[] target = data.target(pair);
            boolean same = true;
            for (int i = 0; i < target.length; i++) {
                same &= Math.abs(target[i] - x0[i]) < 1e-5;
            }
            if (same) {
                return pair;
            }
        }
        throw new AssertionError("x0 recovered from (x_t, v) is not a data target");
    }
}
