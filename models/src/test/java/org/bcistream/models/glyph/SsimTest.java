package org.bcistream.models.glyph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** SSIM against the independent numpy implementation in {@code ssim_reference.py}, within 1e-6. */
class SsimTest {
    @Test
    void matchesTheNumpyReference() throws IOException {
        JsonNode root;
        try (InputStream in = SsimTest.class.getResourceAsStream("ssim_reference.json")) {
            root = new ObjectMapper().readTree(in);
        }
        assertEquals(Ssim.WINDOW, root.get("window").asInt());
        assertEquals(Ssim.SIGMA, root.get("sigma").asDouble());
        assertEquals(Ssim.DATA_RANGE, root.get("data_range").asDouble());
        double worst = 0;
        for (JsonNode pair : root.get("pairs")) {
            JsonNode a = root.get("images").get(pair.get("a").asText());
            JsonNode b = root.get("images").get(pair.get("b").asText());
            int width = a.get("width").asInt();
            int height = a.get("height").asInt();
            double actual = Ssim.compute(pixels(a), pixels(b), width, height);
            double expected = pair.get("ssim").asDouble();
            assertEquals(expected, actual, 1e-6, pair.toString());
            worst = Math.max(worst, Math.abs(expected - actual));
        }
        assertEquals(8, root.get("pairs").size());
        System.out.printf(Locale.ROOT, "SSIM vs numpy: worst absolute difference %.2e%n", worst);
    }

    @Test
    void isOneForIdenticalImagesAndSymmetric() {
        float[] a = GlyphRenderer.render('K', GlyphStyle.SANS);
        float[] b = GlyphRenderer.render('K', GlyphStyle.SERIF);
        assertEquals(1.0, Ssim.compute(a, a, 32, 32), 1e-12);
        assertEquals(Ssim.compute(a, b, 32, 32), Ssim.compute(b, a, 32, 32), 1e-12);
        assertTrue(Ssim.compute(a, b, 32, 32) < 1.0);
    }

    @Test
    void refusesSmallOrMismatchedImages() {
        assertThrows(IllegalArgumentException.class, () -> Ssim.compute(new float[100], new float[100], 10, 10));
        assertThrows(IllegalArgumentException.class, () -> Ssim.compute(new float[1024], new float[1000], 32, 32));
        float[] nan = new float[1024];
        nan[0] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> Ssim.compute(nan, new float[1024], 32, 32));
    }

    private static float[] pixels(JsonNode image) {
        JsonNode values = image.get("pixels");
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }
}
