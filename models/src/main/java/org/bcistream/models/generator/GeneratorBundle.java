package org.bcistream.models.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bcistream.models.audio.MelConfig;
import org.bcistream.models.bundle.BundleFormatException;
import org.bcistream.models.bundle.HyperParameters;
import org.bcistream.models.bundle.ModelBundle;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.bundle.Safetensors;
import org.bcistream.models.bundle.Tensor;

/**
 * A trained conditional DDIM generator as a model bundle of kind {@code generator-image} or
 * {@code generator-speech} (the shared bundle format: {@code model.json} and safetensors).
 *
 * <p>Tensors: the network's EMA weights under their layer names (float32), {@code transform.matrix} [D, C] and
 * {@code transform.offset} [D] (float64, the {@link ConditionTransform}), and {@code labels.conditions} [L, C]
 * (float64, the mean raw condition of each label's training trials, so a label can be generated without a
 * recording). Hyper-parameters: {@code network} ({@link NetworkDesign}), {@code schedule}, {@code sampler},
 * {@code labels}, {@code target} (the affine scaling between the network's sample and the target: target =
 * offset + scale · sample), {@code mel} for speech, and free-form {@code conditioning} (what made the
 * conditions: trigger, iP-VAE) and {@code training} records.
 *
 * @param design the network
 * @param schedule the training noise schedule
 * @param sampler sampling defaults
 * @param labels the L target labels the generator was trained on, distinct, in training order
 * @param labelConditions L raw conditions (C values each), the mean of each label's training conditions
 * @param transform raw condition (C) to network condition (D = {@code design.conditionSize()})
 * @param targetOffset see above
 * @param targetScale see above; {@code > 0}
 * @param mel the mel front end of a speech generator; {@code null} for images
 * @param weights the network's weights (EMA), by name
 * @param shapes the network's weight shapes, by name
 * @param conditioning how the conditions were made, for the record and for run defaults
 * @param training the training settings, for the record
 * @param provenance seed, data fingerprint and command
 */
public record GeneratorBundle(NetworkDesign design, ScheduleSettings schedule, SamplerSettings sampler, List<String> labels,
        float[][] labelConditions, ConditionTransform transform, double targetOffset, double targetScale, MelConfig mel,
        Map<String, float[]> weights, Map<String, int[]> shapes, ObjectNode conditioning, ObjectNode training, Provenance provenance) {

    static final String MATRIX = "transform.matrix";
    static final String OFFSET = "transform.offset";
    static final String LABEL_CONDITIONS = "labels.conditions";

    public GeneratorBundle {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(provenance, "provenance");
        labels = List.copyOf(labels);
        if (labels.isEmpty() || new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("a generator needs distinct labels; got " + labels);
        }
        if (labelConditions.length != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels but " + labelConditions.length + " label conditions");
        }
        float[][] copy = new float[labelConditions.length][];
        for (int i = 0; i < copy.length; i++) {
            if (labelConditions[i].length != transform.inputSize()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "label %s has a condition of %d values; the transform takes %d",
                        labels.get(i), labelConditions[i].length, transform.inputSize()));
            }
            copy[i] = labelConditions[i].clone();
        }
        labelConditions = copy;
        if (transform.outputSize() != design.conditionSize()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the condition transform gives %d values; the network takes %d",
                    transform.outputSize(), design.conditionSize()));
        }
        if (!(targetScale > 0 && Double.isFinite(targetScale) && Double.isFinite(targetOffset))) {
            throw new IllegalArgumentException("target scaling must be finite with scale > 0; got offset " + targetOffset + ", scale " + targetScale);
        }
        if ((design instanceof NetworkDesign.Speech speech) != (mel != null)) {
            throw new IllegalArgumentException("a speech generator needs its mel front end and an image generator has none");
        }
        if (design instanceof NetworkDesign.Speech speech && speech.config().melBands() != mel.nMels()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the network has %d mel bands, the front end %d",
                    speech.config().melBands(), mel.nMels()));
        }
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
        if (!weights.keySet().equals(shapes.keySet())) {
            throw new IllegalArgumentException("weights and shapes name different tensors");
        }
        conditioning = conditioning == null ? JsonNodeFactory.instance.objectNode() : conditioning.deepCopy();
        training = training == null ? JsonNodeFactory.instance.objectNode() : training.deepCopy();
    }

    /** What the generator produces. */
    public GeneratorKind kind() {
        return design instanceof NetworkDesign.Image ? GeneratorKind.IMAGE : GeneratorKind.SPEECH;
    }

    /** C, the raw condition length (the iP-VAE's latent count). */
    public int conditionSize() {
        return transform.inputSize();
    }

    /** A copy of the mean training condition of {@code label}. */
    public float[] labelCondition(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("the generator knows no label '" + label + "'; it knows " + labels);
        }
        return labelConditions[index].clone();
    }

    @Override
    public float[][] labelConditions() {
        float[][] copy = new float[labelConditions.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = labelConditions[i].clone();
        }
        return copy;
    }

    /**
     * Reads and validates a generator bundle (directory or zip) of either kind.
     *
     * @throws BundleFormatException if it is not a generator bundle, a tensor is missing or has the wrong shape, a
     *     value is out of range, the weights do not fit the network, or the bundle is malformed or tampered with
     */
    public static GeneratorBundle read(Path path) throws IOException {
        return of(ModelBundle.read(path));
    }

    /** Writes this bundle as a directory, or as a zip file if the name ends with {@code .zip}. */
    public void write(Path path) throws IOException {
        ModelBundle.write(path, toBundle());
    }

    /**
     * The generator in a generic bundle.
     *
     * @throws BundleFormatException as for {@link #read}
     */
    public static GeneratorBundle of(ModelBundle bundle) throws BundleFormatException {
        GeneratorKind kind = GeneratorKind.ofBundleKind(bundle.kind()).orElseThrow(() -> new BundleFormatException(bundle.source(),
                "kind is '" + bundle.kind() + "'; expected generator-image or generator-speech"));
        HyperParameters hyper = bundle.hyperParameters();
        NetworkDesign design = NetworkDesign.of(hyper.getObject("network"));
        if ((design instanceof NetworkDesign.Image) != (kind == GeneratorKind.IMAGE)) {
            throw new BundleFormatException(bundle.source(), "a " + bundle.kind() + " bundle holds a " + hyper.getObject("network").getString("type"));
        }
        List<String> labels = hyper.getStrings("labels");
        HyperParameters target = hyper.getObject("target");
        int outputs = design.conditionSize();
        Tensor matrixTensor = bundle.weights().tensors().get(MATRIX);
        if (matrixTensor == null || matrixTensor.shape().length != 2 || matrixTensor.shape()[0] != outputs) {
            throw new BundleFormatException(bundle.source(), "tensor " + MATRIX + " must be [" + outputs + ", C]; found "
                    + (matrixTensor == null ? "none" : java.util.Arrays.toString(matrixTensor.shape())));
        }
        int inputs = matrixTensor.shape()[1];
        double[] flat = bundle.require(MATRIX, outputs, inputs).toDoubles();
        double[][] matrix = new double[outputs][inputs];
        for (int d = 0; d < outputs; d++) {
            System.arraycopy(flat, d * inputs, matrix[d], 0, inputs);
        }
        double[] offset = bundle.require(OFFSET, outputs).toDoubles();
        double[] labelFlat = bundle.require(LABEL_CONDITIONS, labels.size(), inputs).toDoubles();
        float[][] labelConditions = new float[labels.size()][inputs];
        for (int l = 0; l < labels.size(); l++) {
            for (int c = 0; c < inputs; c++) {
                labelConditions[l][c] = (float) labelFlat[l * inputs + c];
            }
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Tensor tensor : bundle.weights().tensors().values()) {
            if (!tensor.name().startsWith("transform.") && !tensor.name().startsWith("labels.")) {
                weights.put(tensor.name(), toFloats(tensor, bundle.source()));
                shapes.put(tensor.name(), tensor.shape());
            }
        }
        try {
            MelConfig mel = kind == GeneratorKind.SPEECH ? mel(hyper.getObject("mel")) : null;
            GeneratorBundle result = new GeneratorBundle(design, ScheduleSettings.of(hyper.getObject("schedule")),
                    SamplerSettings.of(hyper.getObject("sampler")), labels, labelConditions, ConditionTransform.of(matrix, offset),
                    target.getDouble("offset"), target.getDouble("scale"), mel, weights, shapes, object(hyper, "conditioning"),
                    object(hyper, "training"), bundle.provenance());
            design.load(weights, shapes); // the weights must fit the network
            return result;
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(bundle.source(), e.getMessage(), e);
        }
    }

    /** This generator as a generic bundle at the current format version. */
    public ModelBundle toBundle() {
        List<Tensor> tensors = new ArrayList<>();
        weights.forEach((name, values) -> tensors.add(Tensor.ofFloats(name, shapes.get(name), values)));
        double[][] matrix = transform.matrix();
        double[] flat = new double[transform.outputSize() * transform.inputSize()];
        for (int d = 0; d < matrix.length; d++) {
            System.arraycopy(matrix[d], 0, flat, d * transform.inputSize(), transform.inputSize());
        }
        tensors.add(Tensor.ofDoubles(MATRIX, new int[] {transform.outputSize(), transform.inputSize()}, flat));
        tensors.add(Tensor.ofDoubles(OFFSET, new int[] {transform.outputSize()}, transform.offset()));
        double[] labelFlat = new double[labels.size() * transform.inputSize()];
        for (int l = 0; l < labels.size(); l++) {
            for (int c = 0; c < transform.inputSize(); c++) {
                labelFlat[l * transform.inputSize() + c] = labelConditions[l][c];
            }
        }
        tensors.add(Tensor.ofDoubles(LABEL_CONDITIONS, new int[] {labels.size(), transform.inputSize()}, labelFlat));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("network", design.toJson());
        json.set("schedule", schedule.toJson());
        json.set("sampler", sampler.toJson());
        ArrayNode labelArray = json.putArray("labels");
        labels.forEach(labelArray::add);
        ObjectNode target = json.putObject("target");
        target.put("offset", targetOffset);
        target.put("scale", targetScale);
        if (mel != null) {
            ObjectNode melJson = json.putObject("mel");
            melJson.put("sampleRate", mel.sampleRate());
            melJson.put("nFft", mel.nFft());
            melJson.put("hopLength", mel.hopLength());
            melJson.put("nMels", mel.nMels());
            melJson.put("fMin", mel.fMin());
            melJson.put("fMax", mel.fMax());
            melJson.put("logFloor", mel.logFloor());
        }
        json.set("conditioning", conditioning.deepCopy());
        json.set("training", training.deepCopy());
        return ModelBundle.of(kind().bundleKind(), HyperParameters.of(json), provenance, Safetensors.of(Map.of(), tensors));
    }

    private static MelConfig mel(HyperParameters json) throws BundleFormatException {
        return new MelConfig(json.getInt("sampleRate"), json.getInt("nFft"), json.getInt("hopLength"), json.getInt("nMels"),
                json.getDouble("fMin"), json.getDouble("fMax"), json.getDouble("logFloor"));
    }

    private static float[] toFloats(Tensor tensor, String source) throws BundleFormatException {
        double[] values = tensor.toDoubles();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
            if (!Float.isFinite(out[i])) {
                throw new BundleFormatException(source, String.format(Locale.ROOT, "weight %s[%d] is %s", tensor.name(), i, values[i]));
            }
        }
        return out;
    }

    private static ObjectNode object(HyperParameters hyper, String key) throws BundleFormatException {
        return hyper.has(key) ? hyper.getObject(key).json() : JsonNodeFactory.instance.objectNode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratorBundle b && toBundle().equals(b.toBundle());
    }

    @Override
    public int hashCode() {
        return toBundle().hashCode();
    }

    @Override
    public String toString() {
        return "GeneratorBundle[" + kind().bundleKind() + ", labels " + labels + ", condition " + conditionSize() + " -> "
                + design.conditionSize() + "]";
    }
}
