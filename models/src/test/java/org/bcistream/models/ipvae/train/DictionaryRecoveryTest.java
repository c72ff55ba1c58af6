package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Acceptance, fast variant: on x = Φ_true z + noise with K = 16 unit-norm atoms in M = 8 and sparse Poisson
 * z, training recovers the atoms (mean best |cosine| ≥ 0.9, against about 0.7 for an unrelated random
 * dictionary of this size). The full K = 64, M = 32 experiment is {@link IpvaeExperiments}.
 */
class DictionaryRecoveryTest {

    @Test
    void trainingRecoversTheAtomsOfASparseDictionary() {
        SyntheticDictionary source = SyntheticDictionary.random(8, 16, 0.05, 0.05, 1);
        TrainingConfig config = TrainingConfig.builder()
                .setLatents(16)
                .optBeta(4)
                .optEpochs(20)
                .optBatchSize(50)
                .optLearningRate(0.02, 1e-5)
                .optProgress(1000, 16)
                .optSeed(3)
                .build();
        double unrelated = source.recovery(SyntheticDictionary.random(8, 16, 0.05, 0.05, 99).atoms());
        TrainingResult result = new IpvaeTrainer(config).train(source.sample(2000, 2), ProgressListener.silent());
        double recovered = source.recovery(result.model().decoder().phi());
        assertTrue(recovered >= 0.9 && recovered > unrelated + 0.15,
                "recovery " + recovered + " (an unrelated dictionary scores " + unrelated + ")");
    }
}
