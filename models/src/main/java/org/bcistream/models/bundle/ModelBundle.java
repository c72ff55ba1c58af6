package org.bcistream.models.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A trained model on disk: a directory, or a {@code .zip} file, holding {@value #MODEL_JSON} (what the model
 * is) and {@value #WEIGHTS} (its tensors, readable by PyTorch users). Immutable; no Java serialisation.
 *
 * <pre>
 * {
 *   "formatVersion": 1,                      // CURRENT_FORMAT_VERSION when written
 *   "kind": "ipvae",                         // e.g. ipvae, ddim-image, ddim-speech
 *   "hyperParameters": { ... },              // free-form JSON, per kind
 *   "shapes": { "phi": [64, 512], ... },     // every tensor of weights.safetensors, exactly
 *   "weightsSha256": "9f86d0...",            // lowercase hex SHA-256 of weights.safetensors
 *   "provenance": { "seed": 42, "dataFingerprint": "...", "command": "...", "createdBy": "...", "notes": "..." }
 * }
 * </pre>
 *
 * <p>{@link #read} accepts format versions up to {@link #CURRENT_FORMAT_VERSION} (older ones stay loadable)
 * and refuses, with a {@link BundleFormatException}: a newer version; unknown, missing or mistyped fields; a
 * weights checksum that does not match; tensors whose names or shapes differ from {@code shapes}; any
 * malformed safetensors content; {@value #MODEL_JSON} over {@link #MAX_MODEL_JSON_BYTES} or weights over
 * {@link #MAX_WEIGHTS_BYTES}. A zip must hold exactly the two files at its root, each once, with safe names;
 * entries are read with bounded memory whatever sizes they declare. Other files in a bundle directory are
 * ignored.
 *
 * <pre>{@code
 * ObjectNode hp = JsonNodeFactory.instance.objectNode().put("latents", 512).put("beta", 24.0);
 * ModelBundle bundle = ModelBundle.of("ipvae", HyperParameters.of(hp),
 *         Provenance.of(42, dataSha256, "bcistream train ipvae ...", "bcistream 0.1.0"),
 *         Safetensors.of(Tensor.ofDoubles("phi", new int[] {64, 512}, phi)));
 * ModelBundle.write(Path.of("ipvae.zip"), bundle);
 * double[] phi = ModelBundle.read(Path.of("ipvae.zip")).requireKind("ipvae").require("phi", 64, 512).toDoubles();
 * }</pre>
 */
public final class ModelBundle {
    /** The format version {@link #write} writes; {@link #read} accepts 1 to this. */
    public static final int CURRENT_FORMAT_VERSION = 1;
    /** The description file's name inside a bundle. */
    public static final String MODEL_JSON = "model.json";
    /** The weights file's name inside a bundle. */
    public static final String WEIGHTS = "weights.safetensors";
    /** The largest {@value #MODEL_JSON} accepted: 1 MiB. */
    public static final long MAX_MODEL_JSON_BYTES = 1 << 20;
    /** The largest {@value #WEIGHTS} accepted: the largest safetensors file {@link Safetensors} reads. */
    public static final long MAX_WEIGHTS_BYTES = Long.BYTES + Safetensors.MAX_HEADER_BYTES + Safetensors.MAX_DATA_BYTES;

    private static final Pattern KIND = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    private final String kind;
    private final int formatVersion;
    private final HyperParameters hyperParameters;
    private final Provenance provenance;
    private final Safetensors weights;
    private final String source;

    private ModelBundle(String kind, int formatVersion, HyperParameters hyperParameters, Provenance provenance,
            Safetensors weights, String source) {
        if (kind == null || kind.length() > 64 || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("bundle kind must be 1 to 64 lowercase letters and digits, separated by"
                    + " single '.', '_' or '-' (e.g. \"ddim-image\"); got " + (kind == null ? "null" : "\"" + kind + "\""));
        }
        this.kind = kind;
        this.formatVersion = formatVersion;
        this.hyperParameters = Objects.requireNonNull(hyperParameters, "hyperParameters");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.source = source;
    }

    /**
     * A new bundle at the current format version.
     *
     * @param kind the model kind, e.g. {@code "ipvae"}; lowercase letters and digits separated by '.', '_' or '-'
     * @throws IllegalArgumentException if the kind is malformed
     */
    public static ModelBundle of(String kind, HyperParameters hyperParameters, Provenance provenance, Safetensors weights) {
        return new ModelBundle(kind, CURRENT_FORMAT_VERSION, hyperParameters, provenance, weights,
                "(unsaved '" + kind + "' bundle)");
    }

    /** A bundle read from {@code source}, checked by {@link BundleReader}. */
    static ModelBundle loaded(String kind, int formatVersion, HyperParameters hyperParameters, Provenance provenance,
            Safetensors weights, String source) {
        return new ModelBundle(kind, formatVersion, hyperParameters, provenance, weights, source);
    }

    /**
     * Reads and validates a bundle directory or zip file.
     *
     * @throws BundleFormatException if anything in it is malformed, inconsistent, tampered with or too large
     * @throws java.nio.file.NoSuchFileException if {@code path} is neither a directory nor a file
     */
    public static ModelBundle read(Path path) throws IOException {
        return BundleReader.DEFAULT.read(path);
    }

    /**
     * Writes {@code bundle} at the current format version: as a zip file if {@code path}'s name ends with
     * {@code .zip} (replacing it), otherwise into the directory {@code path} (created if needed; the two files
     * replaced, others left alone).
     *
     * @throws IllegalArgumentException if {@value #MODEL_JSON} would exceed {@link #MAX_MODEL_JSON_BYTES}
     */
    public static void write(Path path, ModelBundle bundle) throws IOException {
        BundleWriter.write(path, bundle);
    }

    /** The model kind, e.g. {@code "ipvae"}. */
    public String kind() {
        return kind;
    }

    /** The format version the bundle was read from; {@link #CURRENT_FORMAT_VERSION} for a new one. */
    public int formatVersion() {
        return formatVersion;
    }

    /** The hyper-parameters. */
    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    /** Where the weights came from. */
    public Provenance provenance() {
        return provenance;
    }

    /** All tensors and the safetensors metadata. */
    public Safetensors weights() {
        return weights;
    }

    /** The path the bundle was read from, or a description of an unsaved bundle; used in messages. */
    public String source() {
        return source;
    }

    /** This bundle, if its kind is {@code expected}. */
    public ModelBundle requireKind(String expected) throws BundleFormatException {
        if (!kind.equals(expected)) {
            throw new BundleFormatException(source,
                    String.format(Locale.ROOT, "is a '%s' bundle; expected '%s'", kind, expected));
        }
        return this;
    }

    /** The tensor {@code name}, which must exist and have exactly {@code expectedShape}; any dtype. */
    public Tensor require(String name, int... expectedShape) throws BundleFormatException {
        Tensor t = weights.tensors().get(name);
        if (t == null) {
            throw new BundleFormatException(source, String.format(Locale.ROOT, "has no tensor '%s'; it has %s", name,
                    weights.tensors().keySet()));
        }
        if (!t.hasShape(expectedShape)) {
            throw new BundleFormatException(source, String.format(Locale.ROOT, "tensor '%s' has shape %s; expected %s", name,
                    Arrays.toString(t.shape()), Arrays.toString(expectedShape)));
        }
        return t;
    }

    /** The tensor {@code name}, which must exist, be of {@code expectedDtype} and have exactly {@code expectedShape}. */
    public Tensor require(String name, DType expectedDtype, int... expectedShape) throws BundleFormatException {
        Tensor t = require(name, expectedShape);
        if (t.dtype() != expectedDtype) {
            throw new BundleFormatException(source, String.format(Locale.ROOT, "tensor '%s' is %s; expected %s", name,
                    t.dtype(), expectedDtype));
        }
        return t;
    }

    /** Equal kind, format version, hyper-parameters, provenance and weights; the source is ignored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ModelBundle b && kind.equals(b.kind) && formatVersion == b.formatVersion
                && hyperParameters.equals(b.hyperParameters) && provenance.equals(b.provenance) && weights.equals(b.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, formatVersion, hyperParameters, provenance, weights);
    }

    /** Kind, version, source and tensors. */
    @Override
    public String toString() {
        return "ModelBundle[" + kind + " v" + formatVersion + " from " + source + ": " + weights.tensors().values() + "]";
    }
}
