package org.bcistream.models.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chunked vocoding: seamless overlap-add across chunks, equal to the batch result without iterations. */
class GriffinLimStreamTest {
    private static final MelConfig CONFIG = MelConfig.DEFAULT;
    private static final long SEED = 5L;

    private static float[][] mel;

    @BeforeAll
    static void loadWord() throws IOException {
        mel = new MelSpectrogram(CONFIG).compute(VoiceBank.load().clip("water"));
    }

    @ParameterizedTest(name = "chunks of {0} frames, lookahead {1}")
    @CsvSource({"1, 0", "3, 2", "5, 2", "7, 1", "64, 0"})
    void withoutIterationsTheStreamIsTheBatchInverse(int chunk, int lookahead) {
        GriffinLim gl = GriffinLim.builder(CONFIG).optIterations(0).optInitialPhase(InitialPhase.random(SEED))
                .optLookaheadFrames(lookahead).build();
        assertArrayEquals(gl.synthesize(mel), stream(gl, mel, chunk, new ArrayList<>()));
    }

    @Test
    void samplesComeOutAsSoonAsTheyAreFinal() {
        GriffinLim gl = GriffinLim.builder(CONFIG).optIterations(0).optLookaheadFrames(0).build();
        VocoderStream s = gl.openStream();
        // frame t reaches output sample t hop + nFft/2 - 1, so 5 frames finalise 5 hop - nFft/2 samples
        assertEquals(5 * 256 - 512, s.push(Arrays.copyOfRange(mel, 0, 5)).length);
        assertEquals(5 * 256, s.push(Arrays.copyOfRange(mel, 5, 10)).length);
        assertEquals(512 - 256, s.finish().length);
    }

    @Test
    void streamedSpeechIsAsFaithfulAsBatchAndHasNoSeams() {
        GriffinLim gl = GriffinLim.builder(CONFIG).optIterations(16).optInitialPhase(InitialPhase.random(SEED))
                .build();
        float[] batch = gl.synthesize(mel);
        List<Integer> boundaries = new ArrayList<>();
        float[] streamed = stream(gl, mel, 5, boundaries);
        assertEquals(batch.length, streamed.length);
        MelSpectrogram front = new MelSpectrogram(CONFIG);
        double batchL1 = LogMelL1.distance(mel, front.compute(batch));
        double streamL1 = LogMelL1.distance(mel, front.compute(streamed));
        double seam = seamJump(streamed, boundaries);
        System.out.printf(Locale.ROOT, "'water' with 16 iterations: log-mel L1 batch %.4f, streamed in 5-frame"
                + " chunks %.4f; seam jump ratio %.3f%n", batchL1, streamL1, seam);
        assertTrue(streamL1 < 1.5 * batchL1 + 0.05, "streamed " + streamL1 + ", batch " + batchL1);
        assertTrue(seam < 2.0, "sample-to-sample jumps at chunk boundaries are " + seam + "x the typical jump");
    }

    @Test
    void emptyStreamsAndMisuse() {
        GriffinLim gl = GriffinLim.builder(CONFIG).build();
        VocoderStream s = gl.openStream();
        assertEquals(0, s.push(new float[0][]).length);
        assertEquals(0, s.finish().length);
        assertThrows(IllegalStateException.class, s::finish);
        assertThrows(IllegalStateException.class, () -> s.push(mel));
        VocoderStream single = gl.openStream();
        single.push(Arrays.copyOf(mel, 1));
        assertEquals(0, single.finish().length);
    }

    /** The concatenated output of a stream fed {@code chunk} frames at a time; adds where each push's output starts. */
    static float[] stream(Vocoder vocoder, float[][] logMel, int chunk, List<Integer> boundaries) {
        VocoderStream s = vocoder.openStream();
        float[] out = new float[0];
        for (int t = 0; t < logMel.length; t += chunk) {
            boundaries.add(out.length);
            out = concat(out, s.push(Arrays.copyOfRange(logMel, t, Math.min(logMel.length, t + chunk))));
        }
        boundaries.add(out.length);
        return concat(out, s.finish());
    }

    /**
     * Mean |x[n] - x[n-1]| where one push's output meets the next, relative to the mean over all samples:
     * about 1 without seams, well above with clicks.
     */
    private static double seamJump(float[] x, List<Integer> boundaries) {
        double all = 0;
        for (int n = 1; n < x.length; n++) {
            all += Math.abs(x[n] - x[n - 1]);
        }
        all /= x.length - 1;
        double seams = 0;
        int count = 0;
        for (int n : boundaries) {
            if (n > 0 && n < x.length) {
                seams += Math.abs(x[n] - x[n - 1]);
                count++;
            }
        }
        assertTrue(count >= 5, "only " + count + " boundaries inside the signal");
        return seams / count / all;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
