package org.bcistream.models.diffusion.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a {@link DenoiserTrainer} run. The network passed to the trainer holds {@link #weights()};
 * sample with {@link #emaWeights()} (e.g. {@code ImageUNet.fromWeights(config, result.emaWeights(),
 * network.shapes())}).
 *
 * @param seed the seed of the run's random draws
 * @param steps optimiser steps taken
 * @param finalLoss mean v-prediction MSE over the last progress interval
 * @param weights the final weights
 * @param emaWeights the exponential moving average of the weights
 */
public record TrainingResult(long seed, int steps, double finalLoss, Map<String, float[]> weights,
        Map<String, float[]> emaWeights) {

    public TrainingResult {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        emaWeights = Collections.unmodifiableMap(new LinkedHashMap<>(emaWeights));
    }
}
