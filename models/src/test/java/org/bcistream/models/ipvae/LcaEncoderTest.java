package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.SpecFixtures.PHI;
import static org.bcistream.models.ipvae.SpecFixtures.X;
import static org.bcistream.models.ipvae.SpecFixtures.assertSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec ipvae.md §10 T15 and the LCA update with active units against its formula. */
class LcaEncoderTest {

    @Test
    void threeStepsMatchT15() {
        LinearDecoder dictionary = LinearDecoder.withUnitSigma(PHI).withUnitNormColumns();
        assertSpec(new double[] {1, 0.4472135955}, new double[] {dictionary.phi(0, 0), dictionary.phi(0, 1)}, "row 0");
        assertSpec(new double[] {0, 0.894427191}, new double[] {dictionary.phi(1, 0), dictionary.phi(1, 1)}, "row 1");
        LcaEncoder lca = new LcaEncoder(dictionary, new LcaConfig(0.1, 100, true));
        double[][] expected = {{0.01, 0.0223606798}, {0.0199, 0.0444977528}, {0.029701, 0.066413455}};
        double[] u = new double[2];
        double[] a = new double[2];
        lca.loadFrame(X);
        for (double[] step : expected) {
            lca.step(u);
            assertSpec(step, u, "u");
            lca.activities(u, a);
            assertArrayEquals(new double[] {0, 0}, a, "all activities still 0");
        }
        double[] encoded = new double[2];
        lca.encode(X, 3, encoded, a);
        assertArrayEquals(u, encoded);
    }

    @ParameterizedTest(name = "non-negative {0}")
    @ValueSource(booleans = {true, false})
    void activeUnitsInhibitEachOtherWithoutSelfInhibition(boolean nonNegative) {
        Random random = new Random(nonNegative ? 1 : 2);
        int features = 12;
        int latents = 9;
        double[][] phi = new double[features][];
        for (int m = 0; m < features; m++) {
            phi[m] = SpecFixtures.gaussian(random, latents);
        }
        LinearDecoder dictionary = LinearDecoder.withUnitSigma(phi).withUnitNormColumns();
        LcaConfig config = new LcaConfig(0.2, 10, nonNegative);
        LcaEncoder lca = new LcaEncoder(dictionary, config);
        double[] x = SpecFixtures.gaussian(random, features);
        double[] u = new double[latents];
        double[] expected = new double[latents];
        lca.loadFrame(x);
        for (int iteration = 0; iteration < 60; iteration++) {
            double[] a = new double[latents];
            for (int k = 0; k < latents; k++) {
                double shrunk = Math.max(Math.abs(expected[k]) - 0.2, 0);
                a[k] = nonNegative ? Math.max(expected[k] - 0.2, 0) : Math.signum(expected[k]) * shrunk;
            }
            double[] next = new double[latents];
            for (int i = 0; i < latents; i++) {
                double drive = 0;
                double lateral = 0;
                for (int m = 0; m < features; m++) {
                    drive += dictionary.phi(m, i) * x[m];
                }
                for (int j = 0; j < latents; j++) {
                    if (j != i) {
                        double gram = 0;
                        for (int m = 0; m < features; m++) {
                            gram += dictionary.phi(m, i) * dictionary.phi(m, j);
                        }
                        lateral += gram * a[j];
                    }
                }
                next[i] = expected[i] + (drive - expected[i] - lateral) / 10;
            }
            expected = next;
            lca.step(u);
        }
        assertArrayEquals(expected, u, 1e-10);
        double[] a = new double[latents];
        lca.activities(u, a);
        int active = 0;
        for (double v : a) {
            active += v != 0 ? 1 : 0;
            assertTrue(!nonNegative || v >= 0, "non-negative activity " + v);
        }
        assertTrue(active > 0 && active < latents, "some but not all units active: " + active);
    }

    @Test
    void refusesADictionaryWithLearnedSigmaAndBadSettings() {
        LinearDecoder weighted = LinearDecoder.of(PHI, new double[] {0.3, 0});
        assertThrows(InvalidIpvaeException.class, () -> new LcaEncoder(weighted, new LcaConfig(0.1, 100, true)));
        assertThrows(InvalidIpvaeException.class, () -> new LcaConfig(-0.1, 100, true));
        InvalidIpvaeException tau = assertThrows(InvalidIpvaeException.class, () -> new LcaConfig(0.1, 0.5, true));
        assertEquals("LCA time constant tau must be finite and >= 1 (an Euler step of at most 1); got 0.5", tau.getMessage());
    }
}
