package org.bcistream.models.ipvae.train;

/**
 * A source of unit-rate exponential inter-arrival times E ~ Exp(1), addressed by a stream key and an index
 * within the stream. The same (stream, index) must always give the same value.
 */
@FunctionalInterface
interface UnitExponentials {

    /** The {@code index}-th (0-based) inter-arrival time of {@code stream}, {@code >= 0}. */
    double get(long stream, int index);
}
