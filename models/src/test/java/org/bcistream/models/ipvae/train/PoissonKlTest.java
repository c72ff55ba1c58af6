package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bcistream.models.ipvae.KlForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The training KL agrees with {@link KlForm#divergence}, spec §10 T7, and its partial derivatives. */
class PoissonKlTest {
    private static final double[] LOG_RATES = {-8, -3.5, -0.2, 0, 0.7, 2.4, 9.9};

    @Test
    void specT7() {
        double ln2 = Math.log(2);
        assertEquals(0.3862943611, kl(KlForm.EXACT, ln2, 0), 1e-10);
        assertEquals(0.7290226678, kl(KlForm.EXACT, -1, 0.5), 1e-10);
        assertEquals(0.7725887222, kl(KlForm.REFERENCE_CODE, ln2, 0), 1e-10);
        assertEquals(0.1626669446, kl(KlForm.REFERENCE_CODE, -1, 0.5), 1e-10);
    }

    @ParameterizedTest
    @EnumSource(KlForm.class)
    void agreesWithTheInferenceDefinition(KlForm form) {
        for (double u : LOG_RATES) {
            for (double u0 : LOG_RATES) {
                double scale = Math.exp(Math.max(u, u0)) * (1 + Math.abs(u - u0)) * Math.exp(Math.max(0, u - u0));
                assertEquals(form.divergence(u, u0), kl(form, u, u0), 1e-14 * scale, "u " + u + ", u0 " + u0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KlForm.class)
    void derivativesMatchFiniteDifferences(KlForm form) {
        double h = 1e-6;
        for (double u : new double[] {-2, -0.3, 0.5, 1.7}) {
            for (double u0 : new double[] {-1.5, 0.1, 1.2}) {
                double rate = Math.exp(u);
                double prior = Math.exp(u0);
                double wrtU = (kl(form, u + h, u0) - kl(form, u - h, u0)) / (2 * h);
                double wrtU0 = (kl(form, u, u0 + h) - kl(form, u, u0 - h)) / (2 * h);
                assertEquals(wrtU, PoissonKl.wrtPosterior(form, rate, prior, u - u0), 1e-7 * (1 + Math.abs(wrtU)));
                assertEquals(wrtU0, PoissonKl.wrtPrior(form, rate, prior, u - u0), 1e-7 * (1 + Math.abs(wrtU0)));
            }
        }
    }

    private static double kl(KlForm form, double u, double u0) {
        return PoissonKl.value(form, Math.exp(u), Math.exp(u0), u - u0);
    }
}
