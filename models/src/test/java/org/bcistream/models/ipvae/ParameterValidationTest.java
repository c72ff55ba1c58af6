package org.bcistream.models.ipvae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Parameter and configuration value types refuse bad values with the numbers in the message. */
class ParameterValidationTest {
    private static final double[][] PHI = SpecFixtures.PHI;

    @Test
    void decoder() {
        refused(() -> LinearDecoder.of(new double[][] {{1, 2}, {3}}, new double[2]),
                "decoder matrix Phi row 1 has 1 columns; row 0 has 2");
        refused(() -> LinearDecoder.of(new double[][] {{1, Double.NaN}}, new double[1]),
                "decoder matrix Phi[0][1] is NaN, not a finite number");
        refused(() -> LinearDecoder.of(PHI, new double[3]), "decoder log sigma has 3 values; expected 2");
        refused(() -> LinearDecoder.of(new double[0][], new double[0]),
                "decoder matrix Phi must have at least one row and one column");
        refused(() -> LinearDecoder.withUnitSigma(new double[][] {{0, 1}}).withUnitNormColumns(),
                "decoder column 0 is all zeros and cannot be normalised");
        LinearDecoder decoder = LinearDecoder.of(PHI, new double[] {100, -100});
        assertEquals(Math.exp(3.45), decoder.sigma(0), 1e-12, "the tanh clamp bounds sigma");
        assertEquals(Math.exp(-3.45), decoder.sigma(1), 1e-12);
        double[][] copy = decoder.phi();
        copy[0][0] = 9;
        assertEquals(1, decoder.phi(0, 0), "arrays are copied out");
    }

    @Test
    void model() {
        LinearDecoder decoder = LinearDecoder.withUnitSigma(PHI);
        refused(() -> IpvaeModel.of(decoder, new double[3], 0, new double[2]), "iP-VAE log_bias has 3 values; expected 2");
        refused(() -> IpvaeModel.of(decoder, new double[2], 0, new double[] {0, Double.POSITIVE_INFINITY}),
                "iP-VAE u_init[1] is Infinity, not a finite number");
        refused(() -> IpvaeModel.of(decoder, new double[] {0, 800}, 0, new double[2]),
                "log_bias[1] is 800.0; exp of it must be a finite positive number");
        refused(() -> IpvaeModel.of(decoder, new double[2], Double.NaN, new double[2]), "log step size log_lr is NaN");
        IpvaeModel a = IpvaeModel.of(decoder, new double[] {-3, -3}, 0, new double[] {-1, -2});
        IpvaeModel same = IpvaeModel.of(LinearDecoder.withUnitSigma(PHI), new double[] {-3, -3}, 0, new double[] {-1, -2});
        IpvaeModel other = IpvaeModel.of(decoder, new double[] {-3, -3}, 0, new double[] {-1, -2.5});
        assertEquals(a, same);
        assertEquals(a.fingerprint(), same.fingerprint());
        assertNotEquals(a.fingerprint(), other.fingerprint());
        assertEquals(Math.exp(-3), a.bias(0));
        assertEquals(1, a.gain());
    }

    @Test
    void configurations() {
        refused(() -> new IpvaeConfig(0, 1, 10, 10, 24, KlForm.EXACT), "inner steps per frame must be >= 1; got 0");
        refused(() -> new IpvaeConfig(1, -1, 10, 10, 24, KlForm.EXACT), "beta_inner must be finite and >= 0; got -1.0");
        refused(() -> new IpvaeConfig(1, 1, 0, 10, 24, KlForm.EXACT), "state clamp width must be finite and > 0; got 0.0");
        refused(() -> new IpvaeConfig(1, 1, 10, Double.NaN, 24, KlForm.EXACT), "step clamp width must be finite and > 0; got NaN");
        refused(() -> new IpvaeConfig(1, 1, 10, 10, -2, KlForm.EXACT), "KL weight beta must be finite and >= 0; got -2.0");
        refused(() -> new IpvaeConfig(1, 1, 10, 10, 24, null), "KL form is missing");
        refused(() -> new GaussianConfig(1, 1, 7, 3, 7, 0), "clamp width of xi must be finite and > 0; got 0.0");
        assertEquals(new IpvaeConfig(1, 1.0, 10, 10, 24, KlForm.EXACT), IpvaeConfig.defaults());
    }

    @Test
    void engineAndKernels() {
        IpvaeModel model = IpvaeModel.of(LinearDecoder.withUnitSigma(PHI), new double[2], 0, new double[2]);
        LinearDecoder otherDecoder = LinearDecoder.withUnitSigma(new double[][] {{1, 0}, {0, 1}});
        refused(() -> new IpvaeEngine(model, IpvaeConfig.defaults(), new SparseDecoderKernel(otherDecoder, 1)),
                "the kernel was made for LinearDecoder[M=2, K=2], not for this model's LinearDecoder[M=2, K=2]");
        refused(() -> new SparseDecoderKernel(otherDecoder, 0), "batch size must be >= 1; got 0");
        IpvaeEngine batched = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
        refused(() -> batched.stepBatch(new IpvaeState[2], new double[2], new IpvaeFrame[2]),
                "a step needs 1 states and 1 result holders; got 2 and 2");
    }

    private static void refused(Executable action, String expected) {
        InvalidIpvaeException e = assertThrows(InvalidIpvaeException.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
