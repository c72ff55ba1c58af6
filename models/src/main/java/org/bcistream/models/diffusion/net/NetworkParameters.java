package org.bcistream.models.diffusion.net;

import static org.bcistream.models.diffusion.Checks.invalid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bcistream.models.random.SplitMix64;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trainable tensors of a network, by name, in registration order (the order of the forward pass).
 * Names are dotted paths such as {@code down.1.block.0.conv1.weight}; shapes follow PyTorch
 * ({@code [out, in]} for linear weights, {@code [out, in, kh, kw]} and {@code [out, in, k]} for 2-D and 1-D
 * convolutions), values are row-major. The exported maps ({@link #weights()}, {@link #shapes()}) are the
 * interchange format for model bundles.
 *
 * <p>Values and gradients are ND4J arrays of {@link #dataType()} (float32 in production, float64 for
 * gradient checks), owned by the network. All values are views of one flat vector ({@link #flatValues()}),
 * all gradients views of another ({@link #flatGradients()}), in registration order, so an optimiser can update
 * every parameter with a few whole-vector operations; it may update them in place but must not replace them.
 * Not thread-safe.
 */
public final class NetworkParameters {
    private final DataType dataType;
    private final SplitMix64 rng;
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final List<float[]> initialValues = new ArrayList<>();
    private INDArray flatValues;
    private INDArray flatGradients;

    NetworkParameters(DataType dataType, long seed) {
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw invalid("networks run in FLOAT or DOUBLE; got %s", dataType);
        }
        this.dataType = dataType;
        this.rng = SplitMix64.of(seed);
    }

    /**
     * Registers a parameter and draws its initial values; it gets its arrays from {@link #allocate()}, which
     * the network calls once every parameter is registered. {@code fanIn} feeds {@link Init#FAN_IN_UNIFORM}.
     */
    Param register(String name, Init init, int fanIn, int... shape) {
        if (params.containsKey(name) || flatValues != null) {
            throw new IllegalStateException("parameter registered twice or after allocation: " + name);
        }
        float[] values = new float[Arrays.stream(shape).reduce(1, Math::multiplyExact)];
        init.fill(values, fanIn, rng);
        Param param = new Param(name, shape.clone(), values.length);
        params.put(name, param);
        initialValues.add(values);
        return param;
    }

    /** Allocates the flat value and gradient vectors, binds every parameter to its views, sets initial values. */
    void allocate() {
        long total = count();
        flatValues = Nd4j.create(dataType, total);
        flatGradients = Nd4j.create(dataType, total);
        long offset = 0;
        int i = 0;
        for (Param param : params.values()) {
            long[] shape = Arrays.stream(param.shape()).asLongStream().toArray();
            long end = offset + param.size();
            param.bind(flatValues.get(NDArrayIndex.interval(offset, end)).reshape(shape),
                    flatGradients.get(NDArrayIndex.interval(offset, end)).reshape(shape));
            Transfer.copyIn(initialValues.get(i++), 0, param.value());
            offset = end;
        }
        initialValues.clear();
    }

    /** The element type of values and gradients. */
    public DataType dataType() {
        return dataType;
    }

    /** The parameter names, in registration order. */
    public List<String> names() {
        return List.copyOf(params.keySet());
    }

    /** The number of scalar parameters. */
    public long count() {
        long count = 0;
        for (Param param : params.values()) {
            count += param.size();
        }
        return count;
    }

    /** Every value, one contiguous vector of {@link #count()} elements in registration order (live). */
    public INDArray flatValues() {
        return flatValues;
    }

    /** Every gradient, laid out as {@link #flatValues()} (live; written by the backward pass). */
    public INDArray flatGradients() {
        return flatGradients;
    }

    /** A copy of the shape of the named parameter. */
    public int[] shape(String name) {
        return param(name).shape();
    }

    /** The live value array of the named parameter (update in place only). */
    public INDArray value(String name) {
        return param(name).value();
    }

    /** The live gradient array of the named parameter, written by the network's backward pass. */
    public INDArray gradient(String name) {
        return param(name).gradient();
    }

    /** A copy of every value as float32, row-major, by name in registration order. */
    public Map<String, float[]> weights() {
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (Param param : params.values()) {
            float[] values = new float[param.size()];
            Transfer.copyOut(param.value(), values, 0);
            weights.put(param.name(), values);
        }
        return Collections.unmodifiableMap(weights);
    }

    /** A copy of every shape, by name in registration order. */
    public Map<String, int[]> shapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Param param : params.values()) {
            shapes.put(param.name(), param.shape());
        }
        return Collections.unmodifiableMap(shapes);
    }

    /**
     * Overwrites every value from {@code weights}, after checking that both maps name exactly this
     * network's parameters with exactly its shapes and that each value array has the matching length.
     *
     * @throws IllegalArgumentException naming the missing, unexpected or mismatched parameters
     */
    void load(Map<String, float[]> weights, Map<String, int[]> shapes) {
        if (weights == null || shapes == null) {
            throw invalid("weights and shapes are both required");
        }
        checkNames(weights.keySet(), "weights");
        checkNames(shapes.keySet(), "shapes");
        List<String> problems = new ArrayList<>();
        for (Param param : params.values()) {
            int[] shape = shapes.get(param.name());
            float[] values = weights.get(param.name());
            if (!Arrays.equals(shape, param.shape())) {
                problems.add(String.format("%s has shape %s, expected %s", param.name(), Arrays.toString(shape),
                        Arrays.toString(param.shape())));
            } else if (values == null || values.length != param.size()) {
                problems.add(String.format("%s has %s values, expected %d", param.name(),
                        values == null ? "no" : String.valueOf(values.length), param.size()));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid("weights do not fit this network: %s", String.join("; ", problems));
        }
        for (Param param : params.values()) {
            Transfer.copyIn(weights.get(param.name()), 0, param.value());
        }
    }

    private void checkNames(Set<String> given, String what) {
        TreeSet<String> missing = new TreeSet<>(params.keySet());
        missing.removeAll(given);
        TreeSet<String> unexpected = new TreeSet<>(given);
        unexpected.removeAll(params.keySet());
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw invalid("%s do not name this network's parameters: missing %s, unexpected %s", what, missing,
                    unexpected);
        }
    }

    private Param param(String name) {
        Param param = params.get(name);
        if (param == null) {
            throw invalid("no parameter named '%s'", name);
        }
        return param;
    }
}
