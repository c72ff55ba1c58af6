package org.bcistream.models.diffusion;

import static org.bcistream.models.diffusion.Checks.invalid;

/**
 * The ways of building the noise-variance sequence β<sub>0..T-1</sub> of a diffusion model (spec ddim.md
 * A.4), named as in diffusers' {@code beta_schedule}. All values are float64: numpy's
 * {@code linspace(start, end, T)} is reproduced exactly ({@code start + i * step}, the last value set to
 * {@code end}); diffusers builds the same betas in float32, which changes ᾱ only in the 8th significant
 * digit.
 */
public enum BetaSchedule {
    /** β linearly spaced over [β_start, β_end]; DDPM/DDIM default 1e-4 to 0.02. */
    LINEAR("linear") {
        @Override
        double[] betas(int trainTimesteps, double betaStart, double betaEnd) {
            checkRange(betaStart, betaEnd);
            return linspace(betaStart, betaEnd, trainTimesteps);
        }
    },
    /** β = (linspace(√β_start, √β_end))²; Stable Diffusion uses 0.00085 to 0.012. */
    SCALED_LINEAR("scaled_linear") {
        @Override
        double[] betas(int trainTimesteps, double betaStart, double betaEnd) {
            checkRange(betaStart, betaEnd);
            double[] roots = linspace(Math.sqrt(betaStart), Math.sqrt(betaEnd), trainTimesteps);
            for (int t = 0; t < roots.length; t++) {
                roots[t] *= roots[t];
            }
            return roots;
        }
    },
    /**
     * The iDDPM/GLIDE cosine schedule: ᾱ(s) = cos²(((s + 0.008)/1.008)·π/2) and
     * β<sub>i</sub> = min(1 − ᾱ((i+1)/T)/ᾱ(i/T), 0.999). β_start and β_end are not used (nor does diffusers).
     */
    SQUAREDCOS_CAP_V2("squaredcos_cap_v2") {
        @Override
        double[] betas(int trainTimesteps, double betaStart, double betaEnd) {
            double[] betas = new double[trainTimesteps];
            for (int i = 0; i < trainTimesteps; i++) {
                double ratio = cosineAlphaBar((i + 1.0) / trainTimesteps) / cosineAlphaBar((double) i / trainTimesteps);
                betas[i] = Math.min(1 - ratio, COSINE_MAX_BETA);
            }
            return betas;
        }
    };

    /** The cap on each cosine β, so that no α is near 0 at the end of the schedule. */
    public static final double COSINE_MAX_BETA = 0.999;
    private static final double COSINE_OFFSET = 0.008;

    private final String diffusersName;

    BetaSchedule(String diffusersName) {
        this.diffusersName = diffusersName;
    }

    /** The betas for {@code trainTimesteps} levels; the caller has checked {@code trainTimesteps >= 2}. */
    abstract double[] betas(int trainTimesteps, double betaStart, double betaEnd);

    /** The name diffusers uses in {@code beta_schedule}, e.g. {@code "scaled_linear"}. */
    public String diffusersName() {
        return diffusersName;
    }

    /**
     * The schedule with the given diffusers name.
     *
     * @throws IllegalArgumentException if no schedule has that name
     */
    public static BetaSchedule fromDiffusersName(String name) {
        for (BetaSchedule schedule : values()) {
            if (schedule.diffusersName.equals(name)) {
                return schedule;
            }
        }
        throw invalid("unknown beta schedule '%s'; expected linear, scaled_linear or squaredcos_cap_v2", name);
    }

    private static void checkRange(double betaStart, double betaEnd) {
        if (!(betaStart > 0 && betaStart <= betaEnd && betaEnd < 1)) {
            throw invalid("betas must satisfy 0 < beta_start <= beta_end < 1; got %s and %s", betaStart, betaEnd);
        }
    }

    /** numpy's {@code linspace(start, end, count)} for {@code count >= 2}, bit for bit. */
    private static double[] linspace(double start, double end, int count) {
        double step = (end - start) / (count - 1);
        double[] values = new double[count];
        for (int i = 0; i < count - 1; i++) {
            values[i] = i * step + start;
        }
        values[count - 1] = end;
        return values;
    }

    private static double cosineAlphaBar(double s) {
        double c = Math.cos((s + COSINE_OFFSET) / (1 + COSINE_OFFSET) * Math.PI / 2);
        return c * c;
    }
}
