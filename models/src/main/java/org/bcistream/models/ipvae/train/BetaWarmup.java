package org.bcistream.models.ipvae.train;

import static org.bcistream.models.ipvae.train.Validation.check;

/**
 * The β warm-up of the reference trainer ({@code anneal_linear}, spec ipvae.md §4.2): β is held at
 * {@code start} for the first ceil(holdPortion·N) iterations, ramps linearly to the final β until iteration
 * ceil((holdPortion + rampPortion)·N), then stays there. The same two portions, going from 0 to 1, widen the
 * clamps (ε_anneal, spec §2.3).
 *
 * @param start the KL weight during the hold, {@code >= 0}; reference 1e-4
 * @param holdPortion the fraction of iterations held at {@code start}, in [0, 1]; reference 0.001
 * @param rampPortion the fraction of iterations of the linear ramp, in [0, 1]; reference 0.1
 */
public record BetaWarmup(double start, double holdPortion, double rampPortion) {

    /** The reference: 1e-4 for 0.1% of the iterations, then a ramp over the next 10%. */
    public static final BetaWarmup REFERENCE = new BetaWarmup(1e-4, 1e-3, 0.1);

    public BetaWarmup {
        check(Double.isFinite(start) && start >= 0, "beta warm-up start must be finite and >= 0; got %s", start);
        check(holdPortion >= 0 && holdPortion <= 1, "beta hold portion must be in [0, 1]; got %s", holdPortion);
        check(rampPortion >= 0 && rampPortion <= 1, "beta ramp portion must be in [0, 1]; got %s", rampPortion);
    }

    /** The annealed value at iteration {@code i} of {@code iterations}, going from {@code from} to {@code to}. */
    double at(int i, int iterations, double from, double to) {
        int held = (int) Math.ceil(holdPortion * iterations);
        int rampEnd = (int) Math.ceil((holdPortion + rampPortion) * iterations);
        if (i < held) {
            return from;
        }
        return i < rampEnd ? Schedules.linspace(from, to, rampEnd - held, i - held) : to;
    }
}
