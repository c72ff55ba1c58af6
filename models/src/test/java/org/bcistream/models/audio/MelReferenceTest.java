package org.bcistream.models.audio;

import static org.bcistream.models.audio.ReferenceFixture.doubles;
import static org.bcistream.models.audio.ReferenceFixture.floatMatrix;
import static org.bcistream.models.audio.ReferenceFixture.matrix;
import static org.bcistream.models.audio.ReferenceFixture.pcm16;
import static org.bcistream.models.audio.ReferenceFixture.root;
import static org.bcistream.models.audio.ReferenceFixture.toDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The mel front end, its inverse pieces and the distances against the independent numpy implementation
 * in {@code mel_reference.py} (formulas only, no librosa), within 1e-4 relative. Each comparison allows
 * {@code 1e-4 |expected| + floor}, with a floor far below anything that matters for the quantity.
 */
class MelReferenceTest {
    private static final double RELATIVE = 1e-4;
    private static final MelConfig CONFIG = MelConfig.DEFAULT;

    @Test
    void configurationIsTheOneTheReferenceUsed() {
        JsonNode c = root().get("config");
        assertEquals(new MelConfig(c.get("sample_rate").asInt(), c.get("n_fft").asInt(), c.get("hop_length").asInt(),
                c.get("n_mels").asInt(), c.get("f_min").asDouble(), c.get("f_max").asDouble(),
                c.get("log_floor").asDouble()), CONFIG);
    }

    @Test
    void filterBankMatchesTheSlaneyFormulas() {
        MelFilterBank bank = MelFilterBank.slaney(CONFIG);
        JsonNode rows = root().get("filter_rows");
        double[][] weights = matrix(root().get("filter_weights"));
        for (int i = 0; i < rows.size(); i++) {
            int band = rows.get(i).asInt();
            double[] actual = new double[bank.bins()];
            for (int k = 0; k < actual.length; k++) {
                actual[k] = bank.weight(band, k);
            }
            assertClose(weights[i], actual, 1e-12, "filter row " + band);
        }
        double[] sums = doubles(root().get("filter_row_sums"));
        double[] actualSums = new double[bank.bands()];
        for (int m = 0; m < bank.bands(); m++) {
            for (int k = 0; k < bank.bins(); k++) {
                actualSums[m] += bank.weight(m, k);
            }
        }
        assertClose(sums, actualSums, 1e-12, "row sums");
    }

    @Test
    void stftMagnitudeMatches() {
        double[][] magnitude = Stft.magnitude(Stft.of(CONFIG).forward(toDouble(pcm16("signal_a_pcm16"))));
        assertEquals(17, magnitude.length);
        JsonNode frames = root().get("stft_frames");
        double[][] expected = matrix(root().get("stft_magnitude"));
        for (int i = 0; i < frames.size(); i++) {
            assertClose(expected[i], magnitude[frames.get(i).asInt()], 1e-9, "STFT frame " + frames.get(i));
        }
    }

    @Test
    void logMelMatchesForBothSignals() {
        MelSpectrogram front = new MelSpectrogram(CONFIG);
        for (String name : new String[] {"a", "b"}) {
            float[][] actual = front.compute(pcm16("signal_" + name + "_pcm16"));
            double[][] expected = matrix(root().get("log_mel_" + name));
            assertEquals(expected.length, actual.length);
            double[] flatExpected = Arrays.stream(expected).flatMapToDouble(Arrays::stream).toArray();
            double[] flatActual = new double[flatExpected.length];
            for (int t = 0; t < actual.length; t++) {
                for (int m = 0; m < actual[t].length; m++) {
                    flatActual[t * actual[t].length + m] = actual[t][m];
                }
            }
            // log-mel is float32: one ulp of a value near 10 is about 1e-6
            assertClose(flatExpected, flatActual, 1e-5, "log-mel " + name + " (" + expected.length + " frames)");
        }
    }

    @Test
    void inverseStftReconstructsTheSignal() {
        double[] x = toDouble(pcm16("signal_a_pcm16"));
        Stft stft = Stft.of(CONFIG);
        double[] y = stft.inverse(stft.forward(x), x.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
        }
        assertTrue(worst < 1e-12, "round trip error " + worst + "; numpy's was "
                + root().get("istft_roundtrip_max_abs_error").asDouble());
    }

    @Test
    void pseudoInverseMatchesNumpyPinvClampedAtZero() {
        float[][] logMel = floatMatrix(root().get("log_mel_a"));
        double[] mel = new double[CONFIG.nMels()];
        float[] probe = logMel[root().get("pinv_probe_frame").asInt()];
        for (int m = 0; m < mel.length; m++) {
            mel[m] = Math.exp(probe[m]);
        }
        double[] linear = new double[CONFIG.bins()];
        MelFilterBank.slaney(CONFIG).toLinear(mel, linear);
        double[] expected = doubles(root().get("pinv_linear_magnitude"));
        double scale = Arrays.stream(expected).max().orElseThrow();
        assertClose(expected, linear, 1e-9 * scale, "pseudo-inverse");
    }

    @Test
    void griffinLimWithZeroPhaseFollowsTheReferenceIterations() {
        JsonNode gl = root().get("griffin_lim");
        GriffinLim vocoder = GriffinLim.builder(CONFIG).optIterations(gl.get("iterations").asInt())
                .optMomentum(gl.get("momentum").asDouble()).optInitialPhase(InitialPhase.zero()).build();
        double[] x = toDouble(pcm16("signal_a_pcm16"));
        double[] y = vocoder.reconstruct(Stft.magnitude(Stft.of(CONFIG).forward(x)), x.length);
        double[] expected = doubles(gl.get("signal"));
        double peak = Arrays.stream(expected).map(Math::abs).max().orElseThrow();
        assertClose(expected, y, 1e-6 * peak, "Griffin-Lim signal");
    }

    @Test
    void distancesMatch() {
        float[][] a = floatMatrix(root().get("log_mel_a"));
        float[][] b = floatMatrix(root().get("log_mel_b"));
        double l1 = root().get("log_mel_l1_ab").asDouble();
        double mcd = root().get("mcd_ab").asDouble();
        assertEquals(l1, LogMelL1.distance(a, b), RELATIVE * l1);
        assertEquals(mcd, Mcd.compute(a, b), RELATIVE * mcd);
        System.out.printf(Locale.ROOT, "reference distances: L1 %.6f (java %.6f), MCD %.6f dB (java %.6f)%n",
                l1, LogMelL1.distance(a, b), mcd, Mcd.compute(a, b));
    }

    /**
     * Every value within {@code 1e-4 |expected| + floor}; prints the worst relative error among the values
     * large enough for the relative part to dominate.
     */
    private static void assertClose(double[] expected, double[] actual, double floor, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double worst = 0;
        double worstRelative = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            double allowed = RELATIVE * Math.abs(expected[i]) + floor;
            if (err / allowed > worst) {
                worst = err / allowed;
                at = i;
            }
            if (RELATIVE * Math.abs(expected[i]) >= floor) {
                worstRelative = Math.max(worstRelative, err / Math.abs(expected[i]));
            }
        }
        int i = Math.max(at, 0);
        System.out.printf(Locale.ROOT, "%s: worst relative error %.2e%n", what, worstRelative);
        assertTrue(worst <= 1.0, String.format(Locale.ROOT, "%s: index %d expected %.12g, got %.12g", what, i,
                expected[i], actual[i]));
    }
}
