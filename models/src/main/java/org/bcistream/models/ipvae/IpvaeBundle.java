package org.bcistream.models.ipvae;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.bcistream.models.bundle.BundleFormatException;
import org.bcistream.models.bundle.HyperParameters;
import org.bcistream.models.bundle.ModelBundle;
import org.bcistream.models.bundle.NpyArray;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.bundle.Safetensors;
import org.bcistream.models.bundle.Tensor;
import org.bcistream.models.random.SplitMix64;

/**
 * A trained iP-VAE as a model bundle of kind {@value #KIND}: the learned parameters, the inference settings
 * they were trained with, and the feature settings of the data (so a run can compute the same features).
 *
 * <p>Weights, all float64 so a bundle reproduces its model bit for bit: {@code phi} [M, K], {@code log_sigma}
 * [M] (raw, before the soft clamp), {@code log_bias} [K], {@code log_lr} [1], {@code u_init} [K].
 * Hyper-parameters: {@code features} M, {@code latents} K, {@code inference} (inner steps, β_inner, clamps,
 * β, KL form), {@code featureSettings} (free-form, written by whoever produced the features; empty when
 * unknown) and {@code training} (free-form, e.g. the trainer's settings).
 *
 * @param model the learned parameters
 * @param inference the inference settings the model was trained for
 * @param featureSettings the settings of the features the model was trained on; an empty object if unknown
 * @param training the training settings, for the record; an empty object if none
 * @param provenance seed, data fingerprint and the command that made it
 */
public record IpvaeBundle(IpvaeModel model, IpvaeConfig inference, ObjectNode featureSettings, ObjectNode training,
        Provenance provenance) {
    /** The bundle kind. */
    public static final String KIND = "ipvae";

    public IpvaeBundle {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(inference, "inference");
        Objects.requireNonNull(provenance, "provenance");
        featureSettings = featureSettings == null ? JsonNodeFactory.instance.objectNode() : featureSettings.deepCopy();
        training = training == null ? JsonNodeFactory.instance.objectNode() : training.deepCopy();
    }

    /**
     * Reads and validates an iP-VAE bundle (directory or zip).
     *
     * @throws BundleFormatException if it is not an iP-VAE bundle, a tensor is missing or has the wrong shape,
     *     a value is out of range, or the bundle itself is malformed or tampered with
     */
    public static IpvaeBundle read(Path path) throws IOException {
        return of(ModelBundle.read(path));
    }

    /** Writes this bundle as a directory, or as a zip file if the name ends with {@code .zip}. */
    public void write(Path path) throws IOException {
        ModelBundle.write(path, toBundle());
    }

    /**
     * The iP-VAE in a generic bundle.
     *
     * @throws BundleFormatException as for {@link #read}
     */
    public static IpvaeBundle of(ModelBundle bundle) throws BundleFormatException {
        bundle.requireKind(KIND);
        HyperParameters hyper = bundle.hyperParameters();
        int features = hyper.getInt("features");
        int latents = hyper.getInt("latents");
        if (features < 1 || latents < 1) {
            throw new BundleFormatException(bundle.source(),
                    String.format(Locale.ROOT, "features (%d) and latents (%d) must be >= 1", features, latents));
        }
        double[] phiFlat = bundle.require("phi", features, latents).toDoubles();
        double[][] phi = new double[features][latents];
        for (int m = 0; m < features; m++) {
            System.arraycopy(phiFlat, m * latents, phi[m], 0, latents);
        }
        double[] logSigma = bundle.require("log_sigma", features).toDoubles();
        double[] logBias = bundle.require("log_bias", latents).toDoubles();
        double logLr = bundle.require("log_lr", 1).toDoubles()[0];
        double[] uInit = bundle.require("u_init", latents).toDoubles();
        ObjectNode json = hyper.json();
        try {
            IpvaeModel model = IpvaeModel.of(LinearDecoder.of(phi, logSigma), logBias, logLr, uInit);
            return new IpvaeBundle(model, inference(json, bundle.source()), object(json, "featureSettings"),
                    object(json, "training"), bundle.provenance());
        } catch (InvalidIpvaeException e) {
            throw new BundleFormatException(bundle.source(), e.getMessage(), e);
        }
    }

    /** This model as a generic bundle at the current format version. */
    public ModelBundle toBundle() {
        LinearDecoder decoder = model.decoder();
        int features = decoder.featureCount();
        int latents = decoder.latentCount();
        double[] phiFlat = new double[features * latents];
        double[][] phi = decoder.phi();
        for (int m = 0; m < features; m++) {
            System.arraycopy(phi[m], 0, phiFlat, m * latents, latents);
        }
        Safetensors weights = Safetensors.of(
                Tensor.ofDoubles("phi", new int[] {features, latents}, phiFlat),
                Tensor.ofDoubles("log_sigma", new int[] {features}, decoder.logSigma()),
                Tensor.ofDoubles("log_bias", new int[] {latents}, model.logBias()),
                Tensor.ofDoubles("log_lr", new int[] {1}, new double[] {model.logLr()}),
                Tensor.ofDoubles("u_init", new int[] {latents}, model.uInit()));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("features", features);
        json.put("latents", latents);
        ObjectNode settings = json.putObject("inference");
        settings.put("innerSteps", inference.innerSteps());
        settings.put("betaInner", inference.betaInner());
        settings.put("clampU", inference.clampU());
        settings.put("clampDeltaU", inference.clampDeltaU());
        settings.put("beta", inference.beta());
        settings.put("klForm", inference.klForm().name().toLowerCase(Locale.ROOT));
        json.set("featureSettings", featureSettings.deepCopy());
        json.set("training", training.deepCopy());
        return ModelBundle.of(KIND, HyperParameters.of(json), provenance, weights);
    }

    /**
     * A model around a dictionary trained elsewhere: Φ from a 2-D {@code .npy} array [M, K] (any float or
     * integer dtype, C or Fortran order), σ = 1, and the remaining parameters at the trainer's initial values
     * ({@link InitialParameters}), u_init drawn with {@code seed}.
     *
     * @throws BundleFormatException if the array is not 2-D or holds a non-finite value
     */
    public static IpvaeModel modelFromDictionary(NpyArray phiArray, long seed) throws BundleFormatException {
        int[] shape = phiArray.shape();
        if (shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
            throw new BundleFormatException(phiArray.toString(), "a dictionary must be a 2-D array [features M, latents K];"
                    + " got shape " + Arrays.toString(shape));
        }
        int features = shape[0];
        int latents = shape[1];
        double[] data = phiArray.data();
        double[][] phi = new double[features][latents];
        for (int m = 0; m < features; m++) {
            for (int k = 0; k < latents; k++) {
                double value = data[m * latents + k];
                if (!Double.isFinite(value)) {
                    throw new BundleFormatException(phiArray.toString(),
                            String.format(Locale.ROOT, "Φ[%d][%d] is %s, not a finite number", m, k, value));
                }
                phi[m][k] = value;
            }
        }
        SplitMix64 random = SplitMix64.of(seed);
        double[] uInit = new double[latents];
        for (int k = 0; k < latents; k++) {
            uInit[k] = InitialParameters.uInit(random);
        }
        return IpvaeModel.of(LinearDecoder.withUnitSigma(phi), InitialParameters.logBias(latents),
                InitialParameters.LOG_LR, uInit);
    }

    private static IpvaeConfig inference(ObjectNode json, String source) throws BundleFormatException {
        if (!json.path("inference").isObject()) {
            throw new BundleFormatException(source, "hyperParameters.inference is missing");
        }
        HyperParameters settings = HyperParameters.of((ObjectNode) json.get("inference"));
        String kl = settings.getString("klForm");
        KlForm form;
        try {
            form = KlForm.valueOf(kl.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(source, "hyperParameters.inference.klForm is '" + kl
                    + "'; expected exact or reference_code");
        }
        try {
            return new IpvaeConfig(settings.getInt("innerSteps"), settings.getDouble("betaInner"),
                    settings.getDouble("clampU"), settings.getDouble("clampDeltaU"), settings.getDouble("beta"), form);
        } catch (InvalidIpvaeException e) {
            throw new BundleFormatException(source, "hyperParameters.inference: " + e.getMessage(), e);
        }
    }

    private static ObjectNode object(ObjectNode json, String key) {
        return json.path(key).isObject() ? (ObjectNode) json.get(key) : JsonNodeFactory.instance.objectNode();
    }
}
