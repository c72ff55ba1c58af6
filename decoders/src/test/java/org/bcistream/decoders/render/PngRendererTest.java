package org.bcistream.decoders.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.bcistream.models.glyph.GlyphRenderer;
import org.bcistream.models.glyph.GlyphStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG output read back with ImageIO. */
class PngRendererTest {
    @TempDir
    Path dir;

    @Test
    void writesAnEightBitGreyPngWithTheDocumentedMapping() throws IOException {
        float[] pixels = {-1f, 0f, 1f, -2f, 2f, 0.5f};
        Path file = dir.resolve("tiny.png");
        new PngRenderer(1).write(pixels, 3, 2, file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        assertEquals(1, image.getRaster().getNumBands());
        assertEquals(8, image.getColorModel().getComponentSize(0));
        int[] grey = image.getRaster().getPixels(0, 0, 3, 2, (int[]) null);
        assertEquals(List.of(0, 128, 255, 0, 255, 191), Arrays.stream(grey).boxed().toList());
    }

    @Test
    void upscalesAGlyphByPixelReplication() throws IOException {
        float[] glyph = GlyphRenderer.render('G', GlyphStyle.SANS_BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PngRenderer(8).write(glyph, 32, 32, out);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(256, image.getWidth());
        assertEquals(256, image.getHeight());
        Raster r = image.getRaster();
        int inked = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int expected = PngRenderer.grey(glyph[y * 32 + x]);
                for (int dy = 0; dy < 8; dy += 7) {
                    for (int dx = 0; dx < 8; dx += 7) {
                        assertEquals(expected, r.getSample(x * 8 + dx, y * 8 + dy, 0), "pixel " + x + "," + y);
                    }
                }
                inked += expected > 128 ? 1 : 0;
            }
        }
        assertTrue(inked > 50, "the glyph has ink: " + inked);
    }

    @Test
    void readsBackWhatItWroteToWithinOneGreyLevel() throws IOException {
        float[] glyph = GlyphRenderer.render('K', GlyphStyle.SERIF);
        PngRenderer renderer = new PngRenderer(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        renderer.write(glyph, GlyphRenderer.SIZE, GlyphRenderer.SIZE, bytes);
        float[] read = renderer.read(bytes.toByteArray(), GlyphRenderer.SIZE, GlyphRenderer.SIZE);
        for (int i = 0; i < glyph.length; i++) {
            assertEquals(glyph[i], read[i], 1 / 127.5 + 1e-6, "pixel " + i);
        }
        IOException wrongSize = assertThrows(IOException.class, () -> new PngRenderer(2).read(bytes.toByteArray(), 32, 32));
        assertTrue(wrongSize.getMessage().contains("expected a 64 x 64 PNG; got 96 x 96"), wrongSize.getMessage());
        assertThrows(IOException.class, () -> renderer.read(new byte[] {1, 2, 3}, 32, 32));
    }

    @Test
    void refusesBadInputWithTheReason() {
        PngRenderer png = new PngRenderer(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> png.toImage(new float[10], 32, 32))
                .getMessage().contains("needs 1024 values; got 10"));
        float[] nan = new float[4];
        nan[3] = Float.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> png.toImage(nan, 2, 2)).getMessage()
                .contains("(x 1, y 1)"));
        assertThrows(IllegalArgumentException.class, () -> new PngRenderer(0));
        assertThrows(IllegalArgumentException.class, () -> new PngRenderer(PngRenderer.MAX_SCALE + 1));
        assertThrows(IOException.class, () -> png.write(new float[4], 2, 2, dir.resolve("missing/dir/x.png")));
    }
}
