package org.bcistream.models.diffusion;

/**
 * Quantiles by selection, without sorting or allocating: Hoare's quickselect with a median-of-three
 * pivot, expected O(n). NaN values are not supported.
 */
final class Quantile {
    private Quantile() {}

    /**
     * The q-quantile of {@code values[0..length)} with numpy's default ("linear") interpolation: with
     * h = (length − 1)·q, the value of rank ⌊h⌋ plus (h − ⌊h⌋) times the gap to the next rank. Reorders
     * {@code values[0..length)}.
     *
     * @param length {@code >= 1}
     * @param q in [0, 1]
     */
    static double linear(double[] values, int length, double q) {
        double position = (length - 1) * q;
        int lowerRank = (int) Math.floor(position);
        double lower = select(values, length, lowerRank);
        if (lowerRank == length - 1) {
            return lower;
        }
        double upper = values[lowerRank + 1];
        for (int i = lowerRank + 2; i < length; i++) {
            upper = Math.min(upper, values[i]);
        }
        return lower + (position - lowerRank) * (upper - lower);
    }

    /**
     * The value of the given zero-based rank; afterwards every value left of that index is no larger and
     * every value right of it no smaller.
     */
    static double select(double[] values, int length, int rank) {
        int left = 0;
        int right = length - 1;
        while (left < right) {
            int middle = (left + right) >>> 1;
            if (values[middle] < values[left]) {
                swap(values, middle, left);
            }
            if (values[right] < values[left]) {
                swap(values, right, left);
            }
            if (values[right] < values[middle]) {
                swap(values, right, middle);
            }
            double pivot = values[middle];
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(values, i, j);
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                right = j;
            } else if (rank >= i) {
                left = i;
            } else {
                return values[rank];
            }
        }
        return values[rank];
    }

    private static void swap(double[] values, int i, int j) {
        double value = values[i];
        values[i] = values[j];
        values[j] = value;
    }
}
