package org.bcistream.models.glyph;

import java.util.Locale;

/**
 * Structural similarity (Wang, Bovik, Sheikh &amp; Simoncelli 2004, doi:10.1109/TIP.2003.819861) of two
 * single-channel images, as in the paper's reference implementation:
 *
 * <pre>
 * SSIM(x, y) = mean over windows of  (2 mu_x mu_y + C1)(2 s_xy + C2) / ((mu_x^2 + mu_y^2 + C1)(s_x^2 + s_y^2 + C2))
 * </pre>
 *
 * with local means, variances and covariance weighted by an {@value #WINDOW} x {@value #WINDOW} Gaussian
 * (sigma {@value #SIGMA}, normalised to sum 1; population, not sample, moments), evaluated only where the
 * window fits inside the image ("valid": {@code (w - 10) x (h - 10)} windows, which is also what
 * scikit-image's {@code structural_similarity(gaussian_weights=True, use_sample_covariance=False)} averages),
 * {@code C1 = (K1 L)^2}, {@code C2 = (K2 L)^2}, K1 {@value #K1}, K2 {@value #K2} and data range
 * L = {@value #DATA_RANGE} for images in [-1, 1]. Computed in {@code double}; 1 for identical images
 * (constant ones included). Thread-safe.
 */
public final class Ssim {
    /** Gaussian window side in pixels. */
    public static final int WINDOW = 11;
    /** Gaussian standard deviation in pixels. */
    public static final double SIGMA = 1.5;
    /** Luminance constant factor. */
    public static final double K1 = 0.01;
    /** Contrast constant factor. */
    public static final double K2 = 0.03;
    /** Data range of images in [-1, 1]. */
    public static final double DATA_RANGE = 2.0;

    private static final double[] KERNEL = kernel();

    private Ssim() {}

    /**
     * The mean SSIM of {@code a} and {@code b}, row-major images of {@code width x height} finite values.
     *
     * @throws IllegalArgumentException for images smaller than the window, wrong lengths or non-finite values
     */
    public static double compute(float[] a, float[] b, int width, int height) {
        if (width < WINDOW || height < WINDOW) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "SSIM needs images of at least %d x %d pixels; got %d x %d", WINDOW, WINDOW, width, height));
        }
        if (a.length != width * height || b.length != width * height) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a %d x %d image has %d values; got %d and %d", width, height, width * height, a.length,
                    b.length));
        }
        double[] x = new double[a.length];
        double[] y = new double[b.length];
        double[] xx = new double[a.length];
        double[] yy = new double[a.length];
        double[] xy = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i]) || !Float.isFinite(b[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "pixel %d is not finite (%s, %s)", i, a[i], b[i]));
            }
            x[i] = a[i];
            y[i] = b[i];
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] muX = filterValid(x, width, height);
        double[] muY = filterValid(y, width, height);
        double[] mXX = filterValid(xx, width, height);
        double[] mYY = filterValid(yy, width, height);
        double[] mXY = filterValid(xy, width, height);
        double c1 = (K1 * DATA_RANGE) * (K1 * DATA_RANGE);
        double c2 = (K2 * DATA_RANGE) * (K2 * DATA_RANGE);
        double sum = 0.0;
        for (int i = 0; i < muX.length; i++) {
            double varX = mXX[i] - muX[i] * muX[i];
            double varY = mYY[i] - muY[i] * muY[i];
            double cov = mXY[i] - muX[i] * muY[i];
            sum += (2 * muX[i] * muY[i] + c1) * (2 * cov + c2)
                    / ((muX[i] * muX[i] + muY[i] * muY[i] + c1) * (varX + varY + c2));
        }
        return sum / muX.length;
    }

    /** Separable Gaussian filtering keeping only fully covered positions: {@code (w - 10) x (h - 10)}. */
    private static double[] filterValid(double[] image, int width, int height) {
        int ow = width - WINDOW + 1;
        int oh = height - WINDOW + 1;
        double[] rows = new double[height * ow];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < ow; c++) {
                double s = 0.0;
                for (int k = 0; k < WINDOW; k++) {
                    s += KERNEL[k] * image[r * width + c + k];
                }
                rows[r * ow + c] = s;
            }
        }
        double[] out = new double[oh * ow];
        for (int r = 0; r < oh; r++) {
            for (int c = 0; c < ow; c++) {
                double s = 0.0;
                for (int k = 0; k < WINDOW; k++) {
                    s += KERNEL[k] * rows[(r + k) * ow + c];
                }
                out[r * ow + c] = s;
            }
        }
        return out;
    }

    private static double[] kernel() {
        double[] k = new double[WINDOW];
        double sum = 0.0;
        for (int i = 0; i < WINDOW; i++) {
            double d = i - (WINDOW - 1) / 2.0;
            k[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            sum += k[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
