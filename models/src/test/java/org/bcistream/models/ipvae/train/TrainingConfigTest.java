package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.InvalidIpvaeException;
import org.bcistream.models.ipvae.KlForm;
import org.junit.jupiter.api.Test;

/** Defaults are the released vH16 iP-VAE's (spec §4.2); every setting is validated with its value in the message. */
class TrainingConfigTest {

    @Test
    void defaultsAreTheReferenceTrainingSettings() {
        TrainingConfig config = TrainingConfig.builder().setLatents(512).build();
        assertEquals(24, config.beta());
        assertEquals(16, config.unrolledSteps());
        assertEquals(300, config.epochs());
        assertEquals(200, config.batchSize());
        assertEquals(0.005, config.learningRate());
        assertEquals(1e-5, config.minLearningRate());
        assertEquals(0.005, config.warmupPortion());
        assertEquals(3e-4, config.weightDecay());
        assertEquals(300, config.gradientClip());
        assertEquals(KlForm.EXACT, config.klForm());
        assertEquals(new TemperatureSchedule(1, 0.01, 0.5), config.temperature());
        assertEquals(new BetaWarmup(1e-4, 1e-3, 0.1), config.betaWarmup());
        assertEquals(new IpvaeConfig(1, 1.0, 10, 10, 24, KlForm.EXACT), config.inferenceConfig());
        assertEquals(config, config.toBuilder().build());
        assertEquals(7, config.toBuilder().optSeed(7).build().seed());
    }

    @Test
    void invalidSettingsAreRefusedWithTheirValue() {
        assertRefused(b -> b.setLatents(0), "latents K must be >= 1; got 0");
        assertRefused(b -> b.optBeta(-1), "got -1.0");
        assertRefused(b -> b.optUnrolledSteps(0), "T_train must be >= 1; got 0");
        assertRefused(b -> b.optEpochs(0), "epochs must be >= 1; got 0");
        assertRefused(b -> b.optBatchSize(0), "batch size must be >= 1; got 0");
        assertRefused(b -> b.optLearningRate(0, 0), "learning rate must be finite and > 0; got 0.0");
        assertRefused(b -> b.optLearningRate(1e-3, 1e-2), "minimum learning rate must be in [0, 0.001]; got 0.01");
        assertRefused(b -> b.optWarmupPortion(1), "warm-up portion must be in [0, 1); got 1.0");
        assertRefused(b -> b.optWeightDecay(Double.NaN), "weight decay must be finite and >= 0; got NaN");
        assertRefused(b -> b.optGradientClip(0), "gradient clip must be finite and > 0; got 0.0");
        assertRefused(b -> b.optKlForm(null), "KL form is missing");
        assertRefused(b -> b.optClamps(2, 10), "state clamp width must be finite and > 2.0; got 2.0");
        assertRefused(b -> b.optProgress(0, 10), "progress interval must be >= 1; got 0");
        assertThrows(InvalidIpvaeException.class, () -> new TemperatureSchedule(1, 0, 0.5));
        assertThrows(InvalidIpvaeException.class, () -> new BetaWarmup(1e-4, 0.5, 1.5));
    }

    private static void assertRefused(UnaryOperator<TrainingConfig.Builder> change, String message) {
        InvalidIpvaeException e = assertThrows(InvalidIpvaeException.class,
                () -> change.apply(TrainingConfig.builder().setLatents(8)).build());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
