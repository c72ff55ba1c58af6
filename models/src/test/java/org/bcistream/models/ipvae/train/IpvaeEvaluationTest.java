package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bcistream.models.ipvae.InvalidIpvaeException;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.IpvaeEngine;
import org.bcistream.models.ipvae.IpvaeFrame;
import org.bcistream.models.ipvae.IpvaeModel;
import org.bcistream.models.ipvae.IpvaeSession;
import org.bcistream.models.ipvae.IpvaeState;
import org.bcistream.models.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** The evaluation helper is exactly a loop over {@link IpvaeSession}s, online or held per frame. */
class IpvaeEvaluationTest {
    private final IpvaeModel model = TestModels.random(6, 10, 1);
    private final IpvaeConfig config = IpvaeConfig.defaults();
    private final double[][] frames = TestModels.gaussian(30, 6, 1.0, SplitMix64.of(2));

    @Test
    void onlineCarriesThePosteriorAcrossFrames() {
        IpvaeSession session = IpvaeSession.start(IpvaeEngine.sparse(model, config), 9);
        double r2 = 0;
        double zeros = 0;
        for (double[] x : frames) {
            IpvaeFrame frame = session.step(x);
            r2 += frame.r2();
            zeros += frame.zeroFraction();
        }
        EvaluationResult result = IpvaeEvaluation.online(model, config, frames, 9);
        assertEquals(new EvaluationResult(30, r2 / 30, zeros / 30), result);
        assertNotEquals(result, IpvaeEvaluation.online(model, config, frames, 10));
    }

    @Test
    void repeatedHoldsEachFrameInAFreshSessionAndReadsTheLastStep() {
        IpvaeEngine engine = IpvaeEngine.sparse(model, config);
        SplitMix64 streams = SplitMix64.of(4);
        double r2 = 0;
        double zeros = 0;
        for (double[] x : frames) {
            IpvaeSession session = new IpvaeSession(engine, IpvaeState.initial(model, streams.split()));
            IpvaeFrame frame = null;
            for (int step = 0; step < 5; step++) {
                frame = session.step(x);
            }
            r2 += frame.r2();
            zeros += frame.zeroFraction();
        }
        assertEquals(new EvaluationResult(30, r2 / 30, zeros / 30),
                IpvaeEvaluation.repeated(model, config, frames, 5, 4));
        assertNotEquals(IpvaeEvaluation.repeated(model, config, frames, 1, 4),
                IpvaeEvaluation.repeated(model, config, frames, 5, 4));
    }

    @Test
    void refusesNoFramesOrNoSteps() {
        assertThrows(InvalidIpvaeException.class, () -> IpvaeEvaluation.online(model, config, new double[0][], 1));
        assertThrows(InvalidIpvaeException.class, () -> IpvaeEvaluation.repeated(model, config, frames, 0, 1));
    }
}
