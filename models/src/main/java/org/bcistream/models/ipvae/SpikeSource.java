package org.bcistream.models.ipvae;

/**
 * Where an {@link IpvaeEngine} step gets its spike counts: exact Poisson draws in production, given
 * vectors in tests (the spec's test vectors fix the spikes).
 */
@FunctionalInterface
interface SpikeSource {

    /**
     * Writes spike counts for every state of the batch into {@code z} (B×K, row b for {@code states[b]}).
     *
     * @param states the batch; counts are drawn from each state's current u and random stream
     * @param pass 0 to innerSteps − 1 for the counts that drive the updates, innerSteps for the reported
     *     fresh sample
     * @param z the output, B×K
     */
    void draw(IpvaeState[] states, int pass, double[] z);
}
