package org.bcistream.decoders.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readout against {@code make_lda_reference.py}, an independent numpy transcription of the same formulas. */
class ShrinkageLdaTest {

    @Test
    void matchesTheNumpyReference() throws IOException {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("/readout/lda_reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        ShrinkageLda lda = ShrinkageLda.fit(vectors(reference.get("train")), strings(reference.get("trainLabels")));
        assertEquals(reference.get("shrinkage").asDouble(), lda.shrinkage(), 1e-12);
        List<double[]> test = vectors(reference.get("test"));
        List<String> expected = strings(reference.get("predicted"));
        for (int i = 0; i < test.size(); i++) {
            assertEquals(expected.get(i), lda.predict(test.get(i)), "test vector " + i);
        }
        assertEquals(reference.get("accuracy").asDouble(), lda.accuracy(test, strings(reference.get("testLabels"))), 1e-12);
        assertEquals(List.of("a", "b", "c"), lda.classes());
    }

    @Test
    void theScoreMapPicksWhatPredictPicks() throws IOException {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("/readout/lda_reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        ShrinkageLda lda = ShrinkageLda.fit(vectors(reference.get("train")), strings(reference.get("trainLabels")));
        double[][] matrix = lda.scoreMatrix();
        double[] offsets = lda.scoreOffsets();
        for (double[] v : vectors(reference.get("test"))) {
            int best = 0;
            double[] scores = new double[matrix.length];
            for (int k = 0; k < matrix.length; k++) {
                scores[k] = offsets[k];
                for (int j = 0; j < v.length; j++) {
                    scores[k] += matrix[k][j] * v[j];
                }
                best = scores[k] > scores[best] ? k : best;
            }
            assertEquals(lda.predict(v), lda.classes().get(best));
        }
    }

    @Test
    void separableClassesAreLearnedPerfectly() {
        List<double[]> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            x.add(new double[] {i % 2 == 0 ? 1 + 0.01 * i : -1 - 0.01 * i, 0.3 * Math.sin(i), 7});
            y.add(i % 2 == 0 ? "left" : "right");
        }
        ShrinkageLda lda = ShrinkageLda.fit(x, y);
        assertEquals(1.0, lda.accuracy(x, y));
        assertTrue(lda.shrinkage() >= 0 && lda.shrinkage() <= 1);
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> ShrinkageLda.fit(List.of(new double[] {1}, new double[] {2}), List.of("a", "a")));
        assertTrue(one.getMessage().contains("at least two classes"), one.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ShrinkageLda.fit(List.of(new double[] {1}, new double[] {Double.NaN}), List.of("a", "b")));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        ShrinkageLda lda = ShrinkageLda.fit(List.of(new double[] {1, 0}, new double[] {-1, 0}), List.of("a", "b"));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class, () -> lda.predict(new double[3]));
        assertEquals("the readout takes 2 values; got 3", width.getMessage());
    }

    private static List<double[]> vectors(JsonNode rows) {
        List<double[]> out = new ArrayList<>();
        for (JsonNode row : rows) {
            double[] v = new double[row.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = row.get(j).asDouble();
            }
            out.add(v);
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
