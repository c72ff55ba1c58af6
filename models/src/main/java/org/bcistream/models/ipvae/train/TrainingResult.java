package org.bcistream.models.ipvae.train;

import java.util.List;
import org.bcistream.models.ipvae.IpvaeModel;

/**
 * What a training run produced, with its provenance.
 *
 * @param model the trained parameters; run it with {@link TrainingConfig#inferenceConfig()}
 * @param config the configuration, including the seed
 * @param dataSha256 {@link DataFingerprint#sha256} of the training frames, lowercase hex
 * @param history every progress report, in order (the last one is after the final iteration)
 * @param iterations optimiser iterations run
 * @param seconds wall time of the run, seconds
 */
public record TrainingResult(IpvaeModel model, TrainingConfig config, String dataSha256,
        List<TrainingProgress> history, int iterations, double seconds) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The seed of every random draw of the run. */
    public long seed() {
        return config.seed();
    }

    /** Mean training speed, iterations per second. */
    public double stepsPerSecond() {
        return iterations / seconds;
    }
}
