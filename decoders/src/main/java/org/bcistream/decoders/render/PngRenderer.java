package org.bcistream.decoders.render;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a single-channel float image in [-1, 1] (row-major, {@code pixel(x, y) = pixels[y * width + x]},
 * as the glyph generator produces) as an 8-bit greyscale PNG.
 *
 * <p>Mapping: {@code grey = round(127.5 (clamp(v, -1, 1) + 1))}, so -1 is black (0), +1 white (255) and 0 is
 * 128; values outside [-1, 1] are clipped, non-finite values refused. Each pixel becomes a
 * {@code scale x scale} block (nearest neighbour, for viewing a 32 x 32 glyph at e.g. 256 x 256).
 * Immutable and thread-safe.
 */
public final class PngRenderer {
    /** Largest upscale factor. */
    public static final int MAX_SCALE = 64;

    private final int scale;

    /**
     * @param scale integer upscale factor in [1, {@value #MAX_SCALE}]; 1 writes the image as is
     */
    public PngRenderer(int scale) {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "scale must be in [1, %d]; got %d", MAX_SCALE, scale));
        }
        this.scale = scale;
    }

    /** The upscale factor. */
    public int scale() {
        return scale;
    }

    /**
     * The greyscale image ({@link BufferedImage#TYPE_BYTE_GRAY}, {@code width scale x height scale}).
     *
     * @throws IllegalArgumentException for non-positive sizes, a length other than {@code width x height}
     *     or a non-finite value (its position is reported)
     */
    public BufferedImage toImage(float[] pixels, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height != pixels.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a %d x %d image needs %d values; got %d", width, height, (long) width * height, pixels.length));
        }
        if ((long) width * scale > 65_535 || (long) height * scale > 65_535) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d x %d at scale %d is too large to render", width, height, scale));
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] block = new int[scale * scale];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = pixels[y * width + x];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "pixel (x %d, y %d) is %s; only finite values can be rendered", x, y, v));
                }
                Arrays.fill(block, grey(v));
                raster.setPixels(x * scale, y * scale, scale, scale, block);
            }
        }
        return image;
    }

    /** Writes the PNG to {@code file}, replacing it; parent directories must exist. */
    public void write(float[] pixels, int width, int height, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(pixels, width, height, out);
        }
    }

    /** Writes the PNG to {@code out} (not closed). */
    public void write(float[] pixels, int width, int height, OutputStream out) throws IOException {
        if (!ImageIO.write(toImage(pixels, width, height), "png", out)) {
            throw new IOException("this JDK has no ImageIO writer for greyscale PNG");
        }
    }

    /**
     * The pixels of a PNG this renderer wrote, back in [−1, 1]: each {@code scale x scale} block averaged, grey
     * level g read as {@code g / 127.5 − 1} (so values come back to within 1/255 of what was written).
     *
     * @throws IOException if the bytes are not a PNG of {@code width scale x height scale} pixels
     */
    public float[] read(byte[] png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(png));
        if (image == null || image.getWidth() != width * scale || image.getHeight() != height * scale) {
            throw new IOException(String.format(Locale.ROOT, "expected a %d x %d PNG; got %s", width * scale, height * scale,
                    image == null ? "something ImageIO cannot read" : image.getWidth() + " x " + image.getHeight()));
        }
        float[] pixels = new float[width * height];
        int[] block = new int[scale * scale];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().getPixels(x * scale, y * scale, scale, scale, block);
                double sum = 0;
                for (int g : block) {
                    sum += g;
                }
                pixels[y * width + x] = (float) (sum / block.length / 127.5 - 1);
            }
        }
        return pixels;
    }

    /** The 8-bit grey level of a finite value. */
    static int grey(float v) {
        return (int) Math.round(127.5 * (Math.max(-1f, Math.min(1f, v)) + 1.0));
    }
}
