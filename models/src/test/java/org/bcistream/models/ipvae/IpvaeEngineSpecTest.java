package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.SpecFixtures.LOG_BIAS;
import static org.bcistream.models.ipvae.SpecFixtures.X;
import static org.bcistream.models.ipvae.SpecFixtures.assertSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The iP-VAE update against spec ipvae.md §10 (T1-T6, T11), with the spikes the spec gives injected, on
 * both kernels. The reference values are float64 and reproduced by the original layer code.
 */
class IpvaeEngineSpecTest {
    private static final double[] ZERO = {0, 0};

    static Stream<Arguments> engines() {
        BiFunction<IpvaeModel, IpvaeConfig, IpvaeEngine> sparse = IpvaeEngine::sparse;
        BiFunction<IpvaeModel, IpvaeConfig, IpvaeEngine> dense = (model, config) -> IpvaeEngine.dense(model, config, 1);
        return Stream.of(Arguments.of("sparse", sparse), Arguments.of("dense ND4J", dense));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void t1PaperFormStep(String name, BiFunction<IpvaeModel, IpvaeConfig, IpvaeEngine> engines) {
        // No η, σ, b or clamps: η = 1, σ = 1, b = e^-700 ≈ 1e-304, and a ceiling so high S_c is the identity.
        IpvaeModel model = SpecFixtures.model(0, 0, -700, ZERO);
        assertSpec(new double[] {0, 2}, oneStep(engines.apply(model, SpecFixtures.clamps(1000)), model), "u'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void t2CodeFaithfulStep(String name, BiFunction<IpvaeModel, IpvaeConfig, IpvaeEngine> engines) {
        IpvaeModel model = SpecFixtures.model(0, 0, LOG_BIAS, ZERO);
        assertSpec(new double[] {-0.0498734545, 1.9495747955},
                oneStep(engines.apply(model, IpvaeConfig.defaults()), model), "u'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void t3ClampAtTheStartOfTraining(String name, BiFunction<IpvaeModel, IpvaeConfig, IpvaeEngine> engines) {
        IpvaeModel model = SpecFixtures.model(0, 0, LOG_BIAS, ZERO);
        assertSpec(new double[] {-0.2789322828, 0.8845151007},
                oneStep(engines.apply(model, SpecFixtures.clamps(2)), model), "u'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void t4GainAndSigma(String name, BiFunction<IpvaeModel, IpvaeConfig, IpvaeEngine> engines) {
        IpvaeModel model = SpecFixtures.model(Math.log(0.5), SpecFixtures.rawLogSigma(2), LOG_BIAS, ZERO);
        assertSpec(new double[] {-0.0249820977, 0.2249927494},
                oneStep(engines.apply(model, IpvaeConfig.defaults()), model), "u'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void t5ThreeFrameOnlineSequence(String name, BiFunction<IpvaeModel, IpvaeConfig, IpvaeEngine> engines) {
        IpvaeModel model = SpecFixtures.model(0, 0, LOG_BIAS, new double[] {-1, -2});
        IpvaeEngine engine = engines.apply(model, IpvaeConfig.defaults());
        IpvaeState state = IpvaeState.initial(model, 1);
        IpvaeFrame frame = new IpvaeFrame(2);
        double[][] spikes = {{0, 0}, {1, 2}, {0, 1}};
        double[][] expected = {
            {-0.0499476665, 0.4496156714}, {-1.0997657412, -0.1002386662}, {-0.6496477329, 1.0996871560}};
        double[] prior = {-1, -2};
        for (int t = 0; t < 3; t++) {
            engine.stepWithSpikes(state, X, frame, new GivenSpikes(spikes[t], ZERO));
            assertSpec(expected[t], state.logRates(), "frame " + (t + 1) + " u");
            assertEquals(t, frame.frameIndex());
            double kl = KlForm.EXACT.divergence(expected[t][0], prior[0])
                    + KlForm.EXACT.divergence(expected[t][1], prior[1]);
            assertEquals(kl, frame.kl(), 1e-8, "frame " + (t + 1) + ": KL from the previous posterior");
            prior = expected[t];
        }
        assertEquals(3, state.frameCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void t6TwoInnerIterationsWithLeak(String name, BiFunction<IpvaeModel, IpvaeConfig, IpvaeEngine> engines) {
        IpvaeModel model = SpecFixtures.model(0, 0, LOG_BIAS, ZERO);
        IpvaeConfig config = new IpvaeConfig(2, 0.5, 10, 10, IpvaeConfig.DEFAULT_BETA, KlForm.EXACT);
        IpvaeEngine engine = engines.apply(model, config);
        IpvaeState state = IpvaeState.initial(model, 1);
        engine.stepWithSpikes(state, X, new IpvaeFrame(2), new GivenSpikes(new double[] {1, 0}, new double[] {1, 0}, ZERO));
        assertSpec(new double[] {-0.0748102087, 2.9240343892}, state.logRates(), "u'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void reportsTheFreshSampleAndItsMetrics(String name, BiFunction<IpvaeModel, IpvaeConfig, IpvaeEngine> engines) {
        // T11 through the engine: Φ = I, x = (1, 2), reported spikes (1, 0) so x̂ = (1, 0).
        LinearDecoder identity = LinearDecoder.withUnitSigma(new double[][] {{1, 0}, {0, 1}});
        IpvaeModel model = IpvaeModel.of(identity, new double[] {LOG_BIAS, LOG_BIAS}, 0, ZERO);
        IpvaeConfig config = new IpvaeConfig(1, 1, 10, 10, 2.5, KlForm.REFERENCE_CODE);
        IpvaeState state = IpvaeState.initial(model, 1);
        IpvaeFrame frame = new IpvaeFrame(2);
        engines.apply(model, config).stepWithSpikes(state, X, frame, new GivenSpikes(new double[] {0, 3}, new double[] {1, 0}));

        assertArrayEquals(new int[] {1, 0}, frame.spikeCounts(), "the fresh sample, not the driving spikes");
        assertEquals(0.5, frame.zeroFraction());
        double[] u = state.logRates();
        // The driving spikes (0, 3) moved u: g = x − z = (1, −1).
        assertSpec(new double[] {Clamps.poisson(Clamps.poisson(1 - Math.exp(LOG_BIAS), 10), 10),
                Clamps.poisson(Clamps.poisson(-1 - Math.exp(LOG_BIAS), 10), 10)}, u, "u'");
        assertArrayEquals(new double[] {Math.exp(u[0]), Math.exp(u[1])}, frame.rates());
        assertEquals(3.8378770664, frame.reconstructionNll(), 1e-10);
        assertEquals(1 - 4 / (0.5 + ReconstructionMetrics.FLOAT32_EPS), frame.r2(), 1e-15);
        double kl = KlForm.REFERENCE_CODE.divergence(u[0], 0) + KlForm.REFERENCE_CODE.divergence(u[1], 0);
        assertEquals(kl, frame.kl(), 1e-12);
        assertEquals(frame.reconstructionNll() + 2.5 * kl, frame.freeEnergy(), 1e-12);
    }

    private static double[] oneStep(IpvaeEngine engine, IpvaeModel model) {
        IpvaeState state = IpvaeState.initial(model, 1);
        engine.stepWithSpikes(state, X, new IpvaeFrame(2), new GivenSpikes(new double[] {1, 0}, ZERO));
        return state.logRates();
    }
}
