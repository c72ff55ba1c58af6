package org.bcistream.decoders.readout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Linear discriminant analysis with Ledoit-Wolf shrinkage of the pooled within-class covariance toward a
 * scaled identity (as scikit-learn's {@code LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")}),
 * on standardised inputs, with equal class priors. Suited to few trials in many dimensions. Immutable
 * once fitted.
 */
public final class ShrinkageLda {
    private final List<String> classes;
    private final double[] center;
    private final double[] scale;
    private final double[][] weights;
    private final double[] offsets;
    private final double shrinkage;

    private ShrinkageLda(List<String> classes, double[] center, double[] scale, double[][] weights, double[] offsets,
            double shrinkage) {
        this.classes = classes;
        this.center = center;
        this.scale = scale;
        this.weights = weights;
        this.offsets = offsets;
        this.shrinkage = shrinkage;
    }

    /**
     * Fits the discriminant.
     *
     * @param x N vectors of equal length d
     * @param labels N class labels; at least two classes, each with at least one vector
     * @throws IllegalArgumentException for ragged or non-finite input or fewer than two classes
     */
    public static ShrinkageLda fit(List<double[]> x, List<String> labels) {
        if (x.size() != labels.size() || x.isEmpty()) {
            throw new IllegalArgumentException("LDA needs one label per vector; got " + x.size() + " vectors, " + labels.size() + " labels");
        }
        int n = x.size();
        int d = x.get(0).length;
        List<String> classes = new ArrayList<>(new java.util.TreeSet<>(labels));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("LDA needs at least two classes; the training trials are all " + classes);
        }
        double[] center = new double[d];
        double[] scale = new double[d];
        for (double[] v : x) {
            if (v.length != d) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "vectors have %d and %d values", d, v.length));
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(v[j])) {
                    throw new IllegalArgumentException("value " + j + " of a training vector is " + v[j]);
                }
                center[j] += v[j] / n;
            }
        }
        for (double[] v : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (v[j] - center[j]) * (v[j] - center[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
        }
        int c = classes.size();
        double[][] means = new double[c][d];
        int[] counts = new int[c];
        double[][] z = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = standardise(x.get(i), center, scale);
            y[i] = classes.indexOf(labels.get(i));
            counts[y[i]]++;
            for (int j = 0; j < d; j++) {
                means[y[i]][j] += z[i][j];
            }
        }
        for (int k = 0; k < c; k++) {
            for (int j = 0; j < d; j++) {
                means[k][j] /= counts[k];
            }
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = z[i][j] - means[y[i]][j];
            }
        }
        double[][] covariance = new double[d][d];
        for (double[] r : centred) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    covariance[a][b] += r[a] * r[b] / n;
                }
            }
        }
        double shrinkage = ledoitWolf(centred, covariance);
        double mu = 0;
        for (int a = 0; a < d; a++) {
            mu += covariance[a][a] / d;
        }
        mu = mu > 0 ? mu : 1;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                covariance[a][b] *= 1 - shrinkage;
            }
            covariance[a][a] += shrinkage * mu;
        }
        double[][] cholesky = cholesky(covariance);
        double[][] weights = new double[c][];
        double[] offsets = new double[c];
        for (int k = 0; k < c; k++) {
            weights[k] = solve(cholesky, means[k]);
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += weights[k][j] * means[k][j];
            }
            offsets[k] = -0.5 * dot;
        }
        return new ShrinkageLda(List.copyOf(classes), center, scale, weights, offsets, shrinkage);
    }

    /** The class with the largest discriminant score. */
    public String predict(double[] v) {
        if (v.length != center.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the readout takes %d values; got %d", center.length, v.length));
        }
        double[] z = standardise(v, center, scale);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes.size(); k++) {
            double score = offsets[k];
            for (int j = 0; j < z.length; j++) {
                score += weights[k][j] * z[j];
            }
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return classes.get(best);
    }

    /**
     * The discriminant scores as an affine map of the raw input: {@code score = scoreMatrix()·v + scoreOffsets()}, one row
     * per class in {@link #classes()} order (the standardisation folded in). {@link #predict} picks the largest.
     */
    public double[][] scoreMatrix() {
        double[][] matrix = new double[classes.size()][center.length];
        for (int k = 0; k < classes.size(); k++) {
            for (int j = 0; j < center.length; j++) {
                matrix[k][j] = weights[k][j] / scale[j];
            }
        }
        return matrix;
    }

    /** The constant terms of the scores; see {@link #scoreMatrix()}. */
    public double[] scoreOffsets() {
        double[] out = new double[classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            out[k] = offsets[k];
            for (int j = 0; j < center.length; j++) {
                out[k] -= weights[k][j] * center[j] / scale[j];
            }
        }
        return out;
    }

    /** The classes, sorted. */
    public List<String> classes() {
        return classes;
    }

    /** The Ledoit-Wolf shrinkage intensity used, in [0, 1]. */
    public double shrinkage() {
        return shrinkage;
    }

    /** The fraction of {@code x} predicted as its label. */
    public double accuracy(List<double[]> x, List<String> labels) {
        int right = 0;
        for (int i = 0; i < x.size(); i++) {
            if (predict(x.get(i)).equals(labels.get(i))) {
                right++;
            }
        }
        return x.isEmpty() ? Double.NaN : (double) right / x.size();
    }

    private static double[] standardise(double[] v, double[] center, double[] scale) {
        double[] z = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            z[j] = (v[j] - center[j]) / scale[j];
        }
        return z;
    }

    /** Ledoit and Wolf (2004) intensity toward mu·I for the sample covariance s of the rows of x (mean 0). */
    private static double ledoitWolf(double[][] x, double[][] s) {
        int n = x.length;
        int d = s.length;
        double mu = 0;
        for (int a = 0; a < d; a++) {
            mu += s[a][a] / d;
        }
        double delta = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double e = s[a][b] - (a == b ? mu : 0);
                delta += e * e;
            }
        }
        double beta = 0;
        for (double[] r : x) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double e = r[a] * r[b] - s[a][b];
                    beta += e * e;
                }
            }
        }
        beta /= (double) n * n;
        if (delta <= 0) {
            return 1;
        }
        return Math.min(beta, delta) / delta;
    }

    private static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("the shrunk covariance is not positive definite (pivot " + i + ")");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] solve(double[][] l, double[] b) {
        int d = b.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < d; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
