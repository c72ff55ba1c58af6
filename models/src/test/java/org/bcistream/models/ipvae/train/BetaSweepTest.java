package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Acceptance, fast variant: a larger KL weight β gives sparser codes. Trained on K = 16 atoms in M = 8
 * (z ~ Poisson(0.1)) with β = 1, 4, 16, 64, the fraction of zero spikes on held-out frames (each held for
 * T_train = 16 steps, exact spikes) increases with β. The full sweep is {@link IpvaeExperiments}.
 */
class BetaSweepTest {

    @Test
    void theZeroSpikeFractionIncreasesWithBeta() {
        SyntheticDictionary source = SyntheticDictionary.random(8, 16, 0.1, 0.05, 1);
        double[][] training = source.sample(1000, 2);
        double[][] heldOut = source.sample(500, 3);
        double previous = 0;
        StringBuilder sweep = new StringBuilder();
        for (double beta : new double[] {1, 4, 16, 64}) {
            TrainingConfig config = TrainingConfig.builder()
                    .setLatents(16)
                    .optBeta(beta)
                    .optEpochs(10)
                    .optBatchSize(50)
                    .optLearningRate(0.02, 1e-5)
                    .optProgress(1000, 16)
                    .optSeed(3)
                    .build();
            TrainingResult result = new IpvaeTrainer(config).train(training, ProgressListener.silent());
            double zeros = IpvaeEvaluation.repeated(result.model(), config.inferenceConfig(), heldOut, 16, 1)
                    .zeroFraction();
            sweep.append(String.format(Locale.ROOT, " beta %.0f: %.4f;", beta, zeros));
            assertTrue(zeros > previous, "zero fractions must increase with beta:" + sweep);
            previous = zeros;
        }
    }
}
