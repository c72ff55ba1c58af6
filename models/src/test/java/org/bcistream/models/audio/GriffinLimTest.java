package org.bcistream.models.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Griffin-Lim on a spoken word from the voice bank: convergence, fidelity, determinism, settings. */
class GriffinLimTest {
    private static final MelConfig CONFIG = MelConfig.DEFAULT;
    private static final long SEED = 11L;

    private static float[] hello;
    private static float[][] helloMel;

    @BeforeAll
    static void loadWord() throws IOException {
        hello = VoiceBank.load().clip("hello").samples();
        helloMel = new MelSpectrogram(CONFIG).compute(hello);
    }

    @Test
    void spectralConvergenceImprovesWithIterations() {
        double[][] target = Stft.magnitude(Stft.of(CONFIG).forward(ReferenceFixture.toDouble(hello)));
        int[] iterations = {0, 4, 16, 64};
        double[] sc = new double[iterations.length];
        for (int i = 0; i < iterations.length; i++) {
            GriffinLim gl = GriffinLim.builder(CONFIG).optIterations(iterations[i])
                    .optInitialPhase(InitialPhase.random(SEED)).build();
            double[] y = gl.reconstruct(target, hello.length);
            sc[i] = SpectralConvergence.compute(target, Stft.magnitude(Stft.of(CONFIG).forward(y)));
        }
        System.out.printf(Locale.ROOT, "Griffin-Lim spectral convergence on 'hello', iterations %s: %s%n",
                Arrays.toString(iterations), Arrays.toString(sc));
        for (int i = 1; i < sc.length; i++) {
            assertTrue(sc[i] < sc[i - 1], "spectral convergence must fall: " + Arrays.toString(sc));
        }
        assertTrue(sc[sc.length - 1] < 0.5 * sc[0], Arrays.toString(sc));
    }

    @Test
    void vocodedWordKeepsItsLogMelAndIsCloserToItselfThanToOtherWords() throws IOException {
        GriffinLim gl = GriffinLim.builder(CONFIG).optInitialPhase(InitialPhase.random(SEED)).build();
        float[] audio = gl.synthesize(helloMel);
        assertEquals(CONFIG.sampleCount(helloMel.length), audio.length);
        float[][] again = new MelSpectrogram(CONFIG).compute(audio);
        double self = LogMelL1.distance(helloMel, again);
        double selfMcd = Mcd.compute(helloMel, again);
        VoiceBank bank = VoiceBank.load();
        double nearestOther = Double.POSITIVE_INFINITY;
        for (String word : new String[] {"yes", "no", "water", "help", "stop", "go", "up", "down", "more"}) {
            float[][] other = new MelSpectrogram(CONFIG).compute(bank.clip(word));
            int frames = Math.min(other.length, helloMel.length);
            nearestOther = Math.min(nearestOther, LogMelL1.distance(Arrays.copyOf(helloMel, frames),
                    Arrays.copyOf(other, frames)));
        }
        System.out.printf(Locale.ROOT, "'hello' after 32 Griffin-Lim iterations: log-mel L1 %.4f, MCD %.3f dB;"
                + " nearest other word: L1 %.4f%n", self, selfMcd, nearestOther);
        assertTrue(self < 0.35, "log-mel L1 " + self);
        assertTrue(self < 0.5 * nearestOther, "self " + self + ", nearest other word " + nearestOther);
    }

    @Test
    void sameSeedSameAudioOtherSeedOtherAudio() {
        float[] a = GriffinLim.builder(CONFIG).optIterations(4).optInitialPhase(InitialPhase.random(SEED)).build()
                .synthesize(helloMel);
        float[] b = GriffinLim.builder(CONFIG).optIterations(4).optInitialPhase(InitialPhase.random(SEED)).build()
                .synthesize(helloMel);
        float[] c = GriffinLim.builder(CONFIG).optIterations(4).optInitialPhase(InitialPhase.random(SEED + 1))
                .build().synthesize(helloMel);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void lengthsFollowTheFrameCount() {
        GriffinLim gl = GriffinLim.builder(CONFIG).optIterations(0).build();
        assertEquals(0, gl.synthesize(new float[0][]).length);
        assertEquals(0, gl.synthesize(Arrays.copyOf(helloMel, 1)).length);
        assertEquals(CONFIG.hopLength() * 4, gl.synthesize(Arrays.copyOf(helloMel, 5)).length);
    }

    @Test
    void refusesBadInputAndSettings() {
        GriffinLim gl = GriffinLim.builder(CONFIG).build();
        float[][] narrow = {new float[79]};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> gl.synthesize(narrow)).getMessage()
                .contains("79 bands"));
        float[][] nan = {new float[80]};
        nan[0][3] = Float.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> gl.synthesize(nan)).getMessage()
                .contains("band 3"));
        assertThrows(IllegalArgumentException.class, () -> gl.synthesize(Arrays.copyOf(helloMel, 2)),
                "iterations on fewer samples than nFft/2");
        assertThrows(IllegalArgumentException.class, () -> GriffinLim.builder(CONFIG).optIterations(-1).build());
        assertThrows(IllegalArgumentException.class, () -> GriffinLim.builder(CONFIG).optMomentum(1.0).build());
        assertThrows(IllegalArgumentException.class, () -> GriffinLim.builder(CONFIG).optLookaheadFrames(-1).build());
        assertThrows(IllegalArgumentException.class, () -> GriffinLim.builder(CONFIG).optInitialPhase(null).build());
        assertThrows(IllegalArgumentException.class, () -> new InitialPhase(false, 3));
    }
}
