package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.SpecFixtures.LOG_BIAS;
import static org.bcistream.models.ipvae.SpecFixtures.PHI;
import static org.bcistream.models.ipvae.SpecFixtures.X;
import static org.bcistream.models.ipvae.SpecFixtures.assertSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.bcistream.models.random.SplitMix64;
import org.bcistream.models.random.StandardNormal;
import org.junit.jupiter.api.Test;

/** Spec ipvae.md §10 T12: one iG-VAE and one iG_relu-VAE step with the sample z = (0.5, −0.3) injected. */
class GaussianIpvaeEngineTest {
    private static final double[] ZERO = {0, 0};
    private static final double[] BIAS = {LOG_BIAS, LOG_BIAS};
    private static final LinearDecoder DECODER = LinearDecoder.withUnitSigma(PHI);

    @Test
    void linearStepMatchesT12() {
        GaussianIpvaeModel model = GaussianIpvaeModel.linear(DECODER, BIAS, 0, 0, ZERO, ZERO);
        double[] mu = model.muInit();
        double[] xi = model.xiInit();
        double[] samples = new double[2];
        // μ = 0 and s = 1, so ε = z; the output noise 0 reports f(μ').
        new GaussianIpvaeEngine(model, GaussianConfig.defaults()).step(mu, xi, X, new double[] {0.5, -0.3, 0, 0}, samples);
        assertSpec(new double[] {0.5972903565, 2.3679204119}, mu, "mu'");
        assertSpec(new double[] {0.1619856592, -0.3865792840}, xi, "xi'");
        assertArrayEquals(mu, samples, "f(mu') with zero output noise");
    }

    @Test
    void reluStepMatchesT12() {
        GaussianIpvaeModel model = GaussianIpvaeModel.relu(DECODER, BIAS, 0, 0, ZERO, ZERO, ZERO);
        double[] mu = model.muInit();
        double[] xi = model.xiInit();
        double[] samples = new double[2];
        new GaussianIpvaeEngine(model, GaussianConfig.defaults()).step(mu, xi, X, new double[] {0.5, -0.3, 0, 0}, samples);
        assertSpec(new double[] {0.4489759789, -0.0497853894}, mu, "mu'");
        assertSpec(new double[] {0.1247654872, 0}, xi, "xi'");
        assertArrayEquals(new double[] {mu[0], 0}, samples, "relu of mu'");
    }

    @Test
    void reluGainScalesTheActivation() {
        GaussianIpvaeModel model = GaussianIpvaeModel.relu(DECODER, BIAS, 0, 0, new double[] {Math.log(3), 0}, ZERO, ZERO);
        assertEquals(1.5, model.activate(0, 0.5), 1e-15);
        assertEquals(3, model.slope(0, 0.5), 1e-15);
        assertEquals(0, model.slope(0, 0.0), "the indicator z > 0 is 0 at 0");
    }

    @Test
    void drawsItsNoiseFromTheGivenGeneratorInLatentOrder() {
        GaussianIpvaeModel model = GaussianIpvaeModel.linear(DECODER, BIAS, 0, 0, ZERO, ZERO);
        GaussianIpvaeEngine engine = new GaussianIpvaeEngine(model, GaussianConfig.defaults());
        SplitMix64 noise = SplitMix64.of(8);
        double[] epsilon = new double[4];
        for (int i = 0; i < 4; i++) {
            epsilon[i] = StandardNormal.sample(noise);
        }
        double[] mu1 = model.muInit();
        double[] xi1 = model.xiInit();
        double[] mu2 = model.muInit();
        double[] xi2 = model.xiInit();
        double[] s1 = new double[2];
        double[] s2 = new double[2];
        engine.step(mu1, xi1, X, SplitMix64.of(8), s1);
        engine.step(mu2, xi2, X, epsilon, s2);
        assertArrayEquals(mu2, mu1);
        assertArrayEquals(xi2, xi1);
        assertArrayEquals(s2, s1);
    }

    @Test
    void theLeakActsOnlyWithSeveralInnerSteps() {
        GaussianIpvaeModel model = GaussianIpvaeModel.linear(DECODER, BIAS, 0, 0, ZERO, ZERO);
        double[] noise = {0.5, -0.3, 0.2, 0.1, 0, 0};
        double[] withLeak = run(model, new GaussianConfig(2, 1.0, 7, 3, 7, 2), noise);
        double[] withoutLeak = run(model, new GaussianConfig(2, 0.0, 7, 3, 7, 2), noise);
        assertNotEquals(withLeak[1], withoutLeak[1]);
        // Second update from (μ1, ξ1) by hand, leak included: Δμ = s²(h − β(μ − μ₀)/s₀²) − b with μ₀ = 0, s₀ = 1.
        double[] mu = model.muInit();
        double[] xi = model.xiInit();
        new GaussianIpvaeEngine(model, GaussianConfig.defaults()).step(mu, xi, X, new double[] {0.5, -0.3, 0, 0}, new double[2]);
        double s = Math.exp(xi[0]);
        double[] z = {mu[0] + s * 0.2, mu[1] + Math.exp(xi[1]) * 0.1};
        double h = X[0] - (z[0] + 0.5 * z[1]);
        double deltaMu = Clamps.tanh(s * s * (h - mu[0]) - Math.exp(LOG_BIAS), 7);
        assertEquals(Clamps.tanh(mu[0] + deltaMu, 7), withLeak[0], 1e-12);
    }

    private static double[] run(GaussianIpvaeModel model, GaussianConfig config, double[] noise) {
        double[] mu = model.muInit();
        double[] xi = model.xiInit();
        new GaussianIpvaeEngine(model, config).step(mu, xi, X, noise, new double[2]);
        return mu;
    }
}
