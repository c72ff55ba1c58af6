package org.bcistream.models.ipvae.train;

import static org.bcistream.models.ipvae.train.Validation.check;

/**
 * The temperature τ of the relaxed Poisson sample over training (spec ipvae.md §2.4, §4.2): τ falls linearly
 * from {@code start} to {@code stop} over the first {@code annealPortion} of the iterations, then stays at
 * {@code stop}. Exactly the reference's {@code temp_anneal_linear}: with n = ceil(portion·N) iterations of
 * annealing, τ<sub>i</sub> = linspace(start, stop, n)[i] for i &lt; n. Dimensionless.
 *
 * @param start τ at the first iteration, {@code > 0}; reference 1.0
 * @param stop τ after the annealing, {@code > 0}; reference 0.01
 * @param annealPortion the fraction of the iterations that anneal, in [0, 1]; reference 0.5
 */
public record TemperatureSchedule(double start, double stop, double annealPortion) {

    /** The reference schedule: 1.0 to 0.01 over the first half of training. */
    public static final TemperatureSchedule REFERENCE = new TemperatureSchedule(1.0, 0.01, 0.5);

    public TemperatureSchedule {
        check(Double.isFinite(start) && start > 0, "start temperature must be finite and > 0; got %s", start);
        check(Double.isFinite(stop) && stop > 0, "final temperature must be finite and > 0; got %s", stop);
        check(annealPortion >= 0 && annealPortion <= 1, "temperature anneal portion must be in [0, 1]; got %s",
                annealPortion);
    }

    /** τ at iteration {@code i} (0-based) of {@code iterations}. */
    public double at(int i, int iterations) {
        int annealed = (int) Math.ceil(annealPortion * iterations);
        return i < annealed ? Schedules.linspace(start, stop, annealed, i) : stop;
    }
}
