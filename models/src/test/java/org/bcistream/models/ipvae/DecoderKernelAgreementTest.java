package org.bcistream.models.ipvae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sparse plain-array kernel and the dense ND4J kernel against each other and against the formula
 * Φᵀ((x − Φz) ⊘ σ²) computed naively here, on random models, frames and sparse spike counts.
 */
class DecoderKernelAgreementTest {
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "M={0}, K={1}, B={2}")
    @CsvSource({"2, 2, 1", "37, 23, 1", "64, 96, 1", "48, 32, 4"})
    void sparseAndDenseKernelsAgree(int features, int latents, int batch) {
        Random random = new Random(31L * features + latents + batch);
        LinearDecoder decoder = SpecFixtures.randomModel(random, features, latents, 0.3).decoder();
        DecoderKernel sparse = new SparseDecoderKernel(decoder, batch);
        DecoderKernel dense = new Nd4jDecoderKernel(decoder, batch);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = SpecFixtures.gaussian(random, batch * features);
            double[] z = sparseCounts(random, batch * latents);
            sparse.loadFrames(x);
            dense.loadFrames(x);

            double[] expected = naiveBackProjection(decoder, x, z, batch);
            double[] gSparse = new double[batch * latents];
            double[] gDense = new double[batch * latents];
            sparse.backProject(z, gSparse);
            dense.backProject(z, gDense);
            assertClose(expected, gSparse, "sparse back-projection");
            assertClose(expected, gDense, "dense back-projection");

            double[] xHatSparse = new double[batch * features];
            double[] xHatDense = new double[batch * features];
            sparse.decode(z, xHatSparse);
            dense.decode(z, xHatDense);
            assertClose(naiveDecode(decoder, z, batch), xHatSparse, "sparse decode");
            assertClose(xHatSparse, xHatDense, "dense decode");
        }
    }

    @ParameterizedTest(name = "inner steps {0}")
    @CsvSource({"1", "3"})
    void sparseAndDenseEnginesFollowTheSameTrajectory(int innerSteps) {
        Random random = new Random(17 + innerSteps);
        int features = 40;
        int latents = 30;
        IpvaeModel model = SpecFixtures.randomModel(random, features, latents, 0.2);
        IpvaeConfig config = new IpvaeConfig(innerSteps, 0.7, 10, 10, 24, KlForm.EXACT);
        IpvaeEngine sparse = IpvaeEngine.sparse(model, config);
        IpvaeEngine dense = IpvaeEngine.dense(model, config, 1);
        IpvaeState a = IpvaeState.initial(model, 5);
        IpvaeState b = IpvaeState.initial(model, 5);
        IpvaeFrame fa = new IpvaeFrame(latents);
        IpvaeFrame fb = new IpvaeFrame(latents);
        for (int t = 0; t < 20; t++) {
            double[] x = SpecFixtures.gaussian(random, features);
            double[][] passes = new double[innerSteps + 1][];
            for (int p = 0; p <= innerSteps; p++) {
                passes[p] = sparseCounts(random, latents);
            }
            sparse.stepWithSpikes(a, x, fa, new GivenSpikes(passes));
            dense.stepWithSpikes(b, x, fb, new GivenSpikes(passes));
            assertClose(a.logRates(), b.logRates(), "u at frame " + t);
            assertEquals(fa.freeEnergy(), fb.freeEnergy(), TOLERANCE * (1 + Math.abs(fa.freeEnergy())), "F");
            assertEquals(fa.r2(), fb.r2(), TOLERANCE * (1 + Math.abs(fa.r2())), "R2");
        }
    }

    /** Counts that are mostly 0, some 1-3, a few large. */
    static double[] sparseCounts(Random random, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble();
            z[i] = r < 0.7 ? 0 : r < 0.97 ? 1 + random.nextInt(3) : 20 + random.nextInt(200);
        }
        return z;
    }

    private static double[] naiveBackProjection(LinearDecoder decoder, double[] x, double[] z, int batch) {
        int features = decoder.featureCount();
        int latents = decoder.latentCount();
        double[] g = new double[batch * latents];
        for (int b = 0; b < batch; b++) {
            double[] error = new double[features];
            for (int m = 0; m < features; m++) {
                double prediction = 0;
                for (int k = 0; k < latents; k++) {
                    prediction += decoder.phi(m, k) * z[b * latents + k];
                }
                double sigma = decoder.sigma(m);
                error[m] = (x[b * features + m] - prediction) / (sigma * sigma);
            }
            for (int k = 0; k < latents; k++) {
                double sum = 0;
                for (int m = 0; m < features; m++) {
                    sum += decoder.phi(m, k) * error[m];
                }
                g[b * latents + k] = sum;
            }
        }
        return g;
    }

    private static double[] naiveDecode(LinearDecoder decoder, double[] z, int batch) {
        int features = decoder.featureCount();
        int latents = decoder.latentCount();
        double[] xHat = new double[batch * features];
        for (int b = 0; b < batch; b++) {
            for (int m = 0; m < features; m++) {
                for (int k = 0; k < latents; k++) {
                    xHat[b * features + m] += decoder.phi(m, k) * z[b * latents + k];
                }
            }
        }
        return xHat;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1, scale), what + "[" + i + "]");
        }
    }
}
