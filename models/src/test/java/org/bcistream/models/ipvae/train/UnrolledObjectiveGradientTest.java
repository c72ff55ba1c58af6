package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.bcistream.models.ipvae.KlForm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hand-derived gradient of the full unrolled loss against central finite differences, on a tiny model
 * (M = 3, K = 4, T = 3, two frames, float64) with the relaxed samples' noise fixed by the iteration key.
 * The settings make every part of the chain matter: both clamp ceilings bend (c = 3 and 2.5), one latent
 * starts below the −8 floor, the temperature is soft, σ and η are not 1, and β is large.
 */
class UnrolledObjectiveGradientTest {
    private static final int M = 3;
    private static final int K = 4;
    private static final int T = 3;
    private static final long KEY = 0x5eed_1234L;
    private static final IterationSettings SETTINGS = new IterationSettings(2.0, 3.0, 2.5, 0.5);
    private static final int[] TRUNCATION = {12, 12, 12};
    private static final int[] ROWS = {1, 0};

    @ParameterizedTest
    @EnumSource(KlForm.class)
    void gradientMatchesCentralDifferences(KlForm form) {
        Random random = new Random(3);
        ParameterLayout layout = new ParameterLayout(M, K);
        double[][] frames = new double[2][M];
        for (double[] frame : frames) {
            for (int m = 0; m < M; m++) {
                frame[m] = 2 * random.nextGaussian();
            }
        }
        double[] theta = new double[layout.size()];
        for (int i = 0; i < layout.logSigma(); i++) {
            theta[i] = 0.6 * random.nextGaussian();
        }
        for (int m = 0; m < M; m++) {
            theta[layout.logSigma() + m] = random.nextDouble() - 0.5;
        }
        for (int k = 0; k < K; k++) {
            theta[layout.logBias() + k] = -1 - random.nextDouble();
            theta[layout.uInit() + k] = 1.5 * random.nextDouble() - 0.5;
        }
        theta[layout.uInit() + K - 1] = -10; // below the floor: stays at about -8 throughout
        theta[layout.logLr()] = -0.3;

        UnrolledObjective objective = new UnrolledObjective(layout, T, form, frames, ArrivalNoise.INSTANCE);
        double[] analytic = new double[layout.size()];
        double loss = objective.accumulate(theta, ROWS, 0, ROWS.length, SETTINGS, TRUNCATION, KEY, analytic);
        assertTrue(Double.isFinite(loss) && loss > 0, "loss " + loss);

        double largest = 0;
        double[] numeric = new double[theta.length];
        double[] scratch = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-5 * Math.max(1, Math.abs(theta[i]));
            double saved = theta[i];
            theta[i] = saved + h;
            double up = objective.accumulate(theta, ROWS, 0, ROWS.length, SETTINGS, TRUNCATION, KEY, scratch);
            theta[i] = saved - h;
            double down = objective.accumulate(theta, ROWS, 0, ROWS.length, SETTINGS, TRUNCATION, KEY, scratch);
            theta[i] = saved;
            numeric[i] = (up - down) / (2 * h);
            largest = Math.max(largest, Math.abs(numeric[i]));
        }
        for (int i = 0; i < theta.length; i++) {
            double tolerance = 1e-6 * Math.max(Math.abs(numeric[i]), 1e-3 * largest);
            assertEquals(numeric[i], analytic[i], tolerance, form + ": parameter " + i);
            // The latent held under the floor passes no gradient to its Φ column or its bias; all else does.
            boolean floored = i < layout.logSigma() ? i % K == K - 1 : i == layout.logBias() + K - 1;
            assertEquals(floored, analytic[i] == 0, form + ": parameter " + i + " has gradient " + analytic[i]);
        }
    }
}
