package org.bcistream.models.diffusion.net;

import java.util.List;
import org.bcistream.models.random.SplitMix64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Tiny networks and inputs for fast tests. */
final class TinyNetworks {
    static final ImageUNetConfig IMAGE = new ImageUNetConfig(3, 8, List.of(4, 8), 1, 2, 4);
    static final SpeechNetConfig SPEECH = new SpeechNetConfig(3, 5, 3, 2, 4, 2, 2, 3, 4);

    private TinyNetworks() {}

    /** Overwrites every parameter with U(−0.6, 0.6) (scales with 1 + that), so no path is zero. */
    static void randomize(ConditionalNetwork network, long seed) {
        SplitMix64 rng = SplitMix64.of(seed);
        NetworkParameters params = network.parameters();
        for (String name : params.names()) {
            INDArray value = params.value(name);
            boolean scale = name.endsWith("norm1.weight") || name.endsWith("norm2.weight")
                    || name.endsWith("norm_out.weight");
            for (long i = 0; i < value.length(); i++) {
                double u = 1.2 * rng.nextDouble() - 0.6;
                value.putScalar(i, scale ? 1 + u : u);
            }
        }
    }

    /** A [rows, columns] array of U(−1, 1) values. */
    static INDArray uniform(DataType type, long seed, int rows, int columns) {
        SplitMix64 rng = SplitMix64.of(seed);
        INDArray array = Nd4j.create(type, rows, columns);
        for (long i = 0; i < array.length(); i++) {
            array.putScalar(i, 2 * rng.nextDouble() - 1);
        }
        return array;
    }

    /** {@code n} values of U(−1, 1). */
    static float[] uniform(long seed, int n) {
        SplitMix64 rng = SplitMix64.of(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return values;
    }
}
