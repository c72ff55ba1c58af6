package org.bcistream.models.diffusion.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bcistream.models.diffusion.BetaSchedule;
import org.bcistream.models.diffusion.NoiseSchedule;
import org.bcistream.models.diffusion.net.ImageUNet;
import org.bcistream.models.diffusion.net.ImageUNetConfig;
import org.bcistream.models.diffusion.net.SpeechNet;
import org.bcistream.models.diffusion.net.SpeechNetConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Tiny networks memorise four pairs: the v-prediction loss falls more than 8-fold in 200 steps. */
class OverfitTest {

    @Test
    void tinyImageUNetOverfitsFourPairs() {
        ImageUNet network = ImageUNet.create(new ImageUNetConfig(4, 8, List.of(8, 16), 1, 4, 8), DataType.FLOAT, 1);
        List<Double> losses = train(network, new ToyData(4, 4, 64, 0, 2));
        assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 8, () -> "losses " + losses);
    }

    @Test
    void tinySpeechNetOverfitsFourPairs() {
        SpeechNet network = SpeechNet.create(new SpeechNetConfig(4, 8, 4, 2, 32, 2, 4, 3, 8), DataType.FLOAT, 1);
        List<Double> losses = train(network, new ToyData(4, 4, 32, 16, 3));
        assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 8, () -> "losses " + losses);
    }

    private static List<Double> train(org.bcistream.models.diffusion.net.ConditionalNetwork network,
            TrainingData data) {
        TrainerConfig config = TrainerConfig.builder().setSteps(200).setSeed(5).optBatchSize(4)
                .optLearningRate(1e-2).optConditionDropout(0).optProgressInterval(25).build();
        // a short, very noisy schedule: the target is then mostly −x₀, which only the condition can tell
        NoiseSchedule schedule = NoiseSchedule.of(BetaSchedule.LINEAR, 4, 0.5, 0.9);
        List<Double> losses = new ArrayList<>();
        new DenoiserTrainer(config, schedule).train(network, data, progress -> losses.add(progress.loss()));
        System.out.println(String.format(Locale.ROOT, "%s losses: %s", network.getClass().getSimpleName(), losses));
        return losses;
    }
}
