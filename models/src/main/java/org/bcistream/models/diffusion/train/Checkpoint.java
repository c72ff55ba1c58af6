package org.bcistream.models.diffusion.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a run after {@code step} steps, as named float32 weights (see
 * {@link org.bcistream.models.diffusion.net.NetworkParameters#weights()}). Optimiser moments and random
 * states are not included, so a run cannot be resumed from it bit for bit.
 *
 * @param step optimiser steps completed
 * @param seed the run's seed
 * @param weights the current weights
 * @param emaWeights the exponential moving average of the weights, the ones to sample with
 */
public record Checkpoint(int step, long seed, Map<String, float[]> weights, Map<String, float[]> emaWeights) {

    public Checkpoint {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        emaWeights = Collections.unmodifiableMap(new LinkedHashMap<>(emaWeights));
    }
}
