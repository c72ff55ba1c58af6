package org.bcistream.models.ipvae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Spec ipvae.md §10 T7: the exact Poisson KL and the reference code's form. */
class KlFormTest {

    @Test
    void matchesT7() {
        double[] u = {Math.log(2), -1};
        double[] prior = {0, 0.5};
        double[] exact = {0.3862943611, 0.7290226678};
        double[] code = {0.7725887222, 0.1626669446};
        for (int k = 0; k < 2; k++) {
            assertEquals(exact[k], KlForm.EXACT.divergence(u[k], prior[k]), 1e-10, "exact " + k);
            assertEquals(code[k], KlForm.REFERENCE_CODE.divergence(u[k], prior[k]), 1e-10, "code " + k);
        }
    }

    @Test
    void bothVanishWhenThePosteriorIsThePrior() {
        for (KlForm form : KlForm.values()) {
            assertEquals(0.0, form.divergence(0.3, 0.3), form.name());
            assertEquals(0.0, form.divergence(-8, -8), form.name());
        }
    }

    @Test
    void exactFormIsTheDefinitionAndKeepsPrecisionForSmallSteps() {
        double u = 1.7;
        double prior = -0.4;
        double r = Math.exp(u);
        double r0 = Math.exp(prior);
        assertEquals(r * Math.log(r / r0) - r + r0, KlForm.EXACT.divergence(u, prior), 1e-12);
        // Second order: KL ≈ r0 Δ²/2 (1 + 2Δ/3) for small Δ; the naive form loses all digits here.
        double delta = 1e-7;
        assertEquals(Math.exp(prior) * delta * delta / 2 * (1 + 2 * delta / 3),
                KlForm.EXACT.divergence(prior + delta, prior), 1e-8 * delta * delta);
    }
}
