package org.bcistream.models.diffusion.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Forward passes of the layers against independent references: ND4J's own {@code conv2d} op (weights
 * [out, in, kh, kw] as PyTorch stores them), direct sums, and the GroupNorm formula in plain Java, so the
 * weight layout is PyTorch's and not merely self-consistent.
 */
class LayerReferenceTest {

    @Test
    void convolutionsMatchNd4jConv2dWithPyTorchWeightLayout() {
        for (int stride : new int[] {1, 2}) {
            NetworkParameters params = new NetworkParameters(DataType.DOUBLE, 1);
            Conv conv = Conv.twoD(params, "c", 3, 5, 3, stride, Init.FAN_IN_UNIFORM, false);
            params.allocate();
            INDArray x = TinyNetworks.uniform(DataType.DOUBLE, 2, 2, 3 * 6 * 6).reshape(2, 3, 6, 6).dup();
            INDArray actual = conv.forward(x);
            INDArray expected = referenceConv(x, params.value("c.weight"), params.value("c.bias"), 3, 3, stride, 1, 1);
            assertArrayEquals(new long[] {2, 5, 6 / stride, 6 / stride}, actual.shape());
            assertEquals(0, actual.sub(expected).amaxNumber().doubleValue(), 1e-12);
        }
    }

    @Test
    void oneDimensionalConvolutionUsesConv1dWeightLayout() {
        NetworkParameters params = new NetworkParameters(DataType.DOUBLE, 2);
        Conv conv = Conv.oneD(params, "c", 4, 3, 3, Init.FAN_IN_UNIFORM, false);
        params.allocate();
        assertArrayEquals(new int[] {3, 4, 3}, params.shape("c.weight"));
        INDArray x = TinyNetworks.uniform(DataType.DOUBLE, 3, 2, 4 * 7).reshape(2, 4, 1, 7).dup();
        INDArray actual = conv.forward(x);
        INDArray w = params.value("c.weight");
        double b = params.value("c.bias").getDouble(1);
        // direct sum for sample 1, output channel 1, frame 0 (left edge, zero padding)
        double expected = b;
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < 3; k++) {
                int frame = k - 1;
                if (frame >= 0) {
                    expected += w.getDouble(1, c, k) * x.getDouble(1, c, 0, frame);
                }
            }
        }
        assertEquals(expected, actual.getDouble(1, 1, 0, 0), 1e-12);
        INDArray reference = referenceConv(x, w.reshape(3, 4, 1, 3), params.value("c.bias"), 1, 3, 1, 0, 1);
        assertEquals(0, actual.sub(reference).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void pointwiseConvolutionIsAChannelMix() {
        NetworkParameters params = new NetworkParameters(DataType.DOUBLE, 3);
        Conv conv = Conv.twoD(params, "c", 2, 3, 1, 1, Init.FAN_IN_UNIFORM, false);
        params.allocate();
        INDArray x = TinyNetworks.uniform(DataType.DOUBLE, 4, 1, 2 * 2 * 2).reshape(1, 2, 2, 2).dup();
        INDArray y = conv.forward(x);
        INDArray w = params.value("c.weight");
        double expected = params.value("c.bias").getDouble(2) + w.getDouble(2, 0, 0, 0) * x.getDouble(0, 0, 1, 0)
                + w.getDouble(2, 1, 0, 0) * x.getDouble(0, 1, 1, 0);
        assertEquals(expected, y.getDouble(0, 2, 1, 0), 1e-12);
    }

    @Test
    void upsampleRepeatsEachPixelTwiceInBothDirections() {
        INDArray x = Nd4j.createFromArray(new double[] {1, 2, 3, 4}).reshape(1, 1, 2, 2);
        INDArray y = new Upsample().forward(x);
        assertArrayEquals(new double[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, y.data().asDouble(), 0);
    }

    @Test
    void groupNormStandardisesEachGroupThenAppliesChannelAffine() {
        NetworkParameters params = new NetworkParameters(DataType.DOUBLE, 4);
        GroupNorm norm = new GroupNorm(params, "n", 4, 2);
        params.allocate();
        params.value("n.weight").assign(Nd4j.createFromArray(1.0, 2.0, 3.0, 4.0));
        params.value("n.bias").assign(Nd4j.createFromArray(0.5, 0.0, -0.5, 1.0));
        INDArray x = TinyNetworks.uniform(DataType.DOUBLE, 5, 1, 4 * 3).reshape(1, 4, 3).dup();
        INDArray y = norm.forward(x);
        double[] v = x.data().asDouble();
        // group 1 = channels 2 and 3 = elements 6..11
        double mean = 0;
        for (int i = 6; i < 12; i++) {
            mean += v[i] / 6;
        }
        double variance = 0;
        for (int i = 6; i < 12; i++) {
            variance += (v[i] - mean) * (v[i] - mean) / 6;
        }
        double expected = (v[10] - mean) / Math.sqrt(variance + GroupNorm.EPSILON) * 4 + 1;
        assertEquals(expected, y.getDouble(0, 3, 1), 1e-12);
    }

    @Test
    void timestepEmbeddingIsCosinesThenSines() {
        float[] out = new float[6];
        TimestepEmbedding.fill(10, 4, out, 2);
        assertEquals(Math.cos(10), out[2], 1e-6);
        assertEquals(Math.cos(10 * Math.exp(-Math.log(10000) / 2)), out[3], 1e-6);
        assertEquals(Math.sin(10), out[4], 1e-6);
        assertEquals(Math.sin(10 * 0.01), out[5], 1e-6);
    }

    private static INDArray referenceConv(INDArray x, INDArray w, INDArray b, int kh, int kw, int stride, int padH,
            int padW) {
        long outH = (x.size(2) + 2L * padH - kh) / stride + 1;
        long outW = (x.size(3) + 2L * padW - kw) / stride + 1;
        INDArray out = Nd4j.create(x.dataType(), x.size(0), w.size(0), outH, outW);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w, b).addOutputs(out)
                .addIntegerArguments(kh, kw, stride, stride, padH, padW, 1, 1, 0, 0, 1).build());
        return out;
    }
}
