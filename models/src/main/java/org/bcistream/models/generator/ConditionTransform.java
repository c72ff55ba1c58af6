package org.bcistream.models.generator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The affine map from a trigger's raw condition (C mean latent rates) to the D values a generator's network
 * is conditioned on: {@code z = A·c + b}. Made by training, e.g. per-value standardisation, or a linear
 * readout of the latents (class scores) standardised over the training trials; stored in the generator's
 * bundle so a run applies exactly the map the network was trained with.
 *
 * <p>Immutable; every entry finite; A is D×C with D, C ≥ 1.
 */
public final class ConditionTransform {
    /** Standard deviations below this are treated as this, so constant inputs map to 0. */
    public static final double MIN_SCALE = 1e-6;

    private final double[][] matrix;
    private final double[] offset;

    private ConditionTransform(double[][] matrix, double[] offset) {
        this.matrix = matrix;
        this.offset = offset;
    }

    /**
     * The map {@code z = matrix·c + offset}.
     *
     * @throws IllegalArgumentException for an empty or ragged matrix, a wrong offset length or a non-finite entry
     */
    public static ConditionTransform of(double[][] matrix, double[] offset) {
        if (matrix == null || offset == null || matrix.length == 0 || matrix[0].length == 0 || offset.length != matrix.length) {
            throw new IllegalArgumentException("a condition transform needs a D x C matrix (D, C >= 1) and D offsets; got "
                    + (matrix == null ? "no matrix" : matrix.length + " rows") + " and " + (offset == null ? "no" : offset.length) + " offsets");
        }
        double[][] copy = new double[matrix.length][];
        for (int d = 0; d < matrix.length; d++) {
            if (matrix[d].length != matrix[0].length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "condition transform row %d has %d values, row 0 has %d",
                        d, matrix[d].length, matrix[0].length));
            }
            copy[d] = matrix[d].clone();
            for (int c = 0; c < copy[d].length; c++) {
                requireFinite(copy[d][c], "matrix[" + d + "][" + c + "]");
            }
            requireFinite(offset[d], "offset[" + d + "]");
        }
        return new ConditionTransform(copy, offset.clone());
    }

    /**
     * Per-value standardisation over {@code conditions}: {@code z_i = (c_i − mean_i) / max(sd_i, MIN_SCALE)}.
     *
     * @throws IllegalArgumentException for no conditions or ragged ones
     */
    public static ConditionTransform standardising(List<float[]> conditions) {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("standardising needs at least one condition");
        }
        int size = conditions.get(0).length;
        double[] mean = new double[size];
        for (float[] c : conditions) {
            if (c.length != size) {
                throw new IllegalArgumentException("conditions of " + c.length + " and " + size + " values");
            }
            for (int i = 0; i < size; i++) {
                mean[i] += c[i] / (double) conditions.size();
            }
        }
        double[] variance = new double[size];
        for (float[] c : conditions) {
            for (int i = 0; i < size; i++) {
                variance[i] += (c[i] - mean[i]) * (c[i] - mean[i]) / conditions.size();
            }
        }
        double[][] matrix = new double[size][size];
        double[] offset = new double[size];
        for (int i = 0; i < size; i++) {
            double scale = Math.max(Math.sqrt(variance[i]), MIN_SCALE);
            matrix[i][i] = 1 / scale;
            offset[i] = -mean[i] / scale;
        }
        return of(matrix, offset);
    }

    /** This map followed by {@code next} (whose input size must be this map's output size). */
    public ConditionTransform then(ConditionTransform next) {
        if (next.inputSize() != outputSize()) {
            throw new IllegalArgumentException("cannot follow a map to " + outputSize() + " values with one from " + next.inputSize());
        }
        double[][] matrix = new double[next.outputSize()][inputSize()];
        double[] offset = new double[next.outputSize()];
        for (int o = 0; o < next.outputSize(); o++) {
            offset[o] = next.offset[o];
            for (int m = 0; m < outputSize(); m++) {
                offset[o] += next.matrix[o][m] * this.offset[m];
                for (int c = 0; c < inputSize(); c++) {
                    matrix[o][c] += next.matrix[o][m] * this.matrix[m][c];
                }
            }
        }
        return of(matrix, offset);
    }

    /** This map followed by the standardisation of its outputs over {@code conditions}. */
    public ConditionTransform standardisedOver(List<float[]> conditions) {
        return then(standardising(conditions.stream().map(this::apply).toList()));
    }

    /** C, the raw condition length. */
    public int inputSize() {
        return matrix[0].length;
    }

    /** D, the transformed condition length. */
    public int outputSize() {
        return matrix.length;
    }

    /** A copy of A, D×C. */
    public double[][] matrix() {
        double[][] copy = new double[matrix.length][];
        for (int d = 0; d < matrix.length; d++) {
            copy[d] = matrix[d].clone();
        }
        return copy;
    }

    /** A copy of b, D values. */
    public double[] offset() {
        return offset.clone();
    }

    /**
     * {@code A·condition + b}.
     *
     * @throws IllegalArgumentException if the condition does not have C values
     */
    public float[] apply(float[] condition) {
        if (condition.length != inputSize()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the generator expects conditions of %d latent rates; got %d (was it trained with another iP-VAE?)",
                    inputSize(), condition.length));
        }
        float[] out = new float[outputSize()];
        for (int d = 0; d < out.length; d++) {
            double sum = offset[d];
            for (int c = 0; c < condition.length; c++) {
                sum += matrix[d][c] * condition[c];
            }
            out[d] = (float) sum;
        }
        return out;
    }

    private static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("condition transform " + name + " is " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConditionTransform t && Arrays.deepEquals(matrix, t.matrix) && Arrays.equals(offset, t.offset);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(matrix) + Arrays.hashCode(offset);
    }

    @Override
    public String toString() {
        return "ConditionTransform[" + inputSize() + " -> " + outputSize() + "]";
    }
}
